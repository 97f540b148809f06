<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
  <context>
    <name>ActivationDialog</name>
    <message>
      <source>1. Which sirens</source>
      <translation>1. 选择警报器</translation>
    </message>
    <message>
      <source>2. What sound, how long</source>
      <translation>2. 信号与时长</translation>
    </message>
    <message>
      <source>3. Live or exercise</source>
      <translation>3. 实战还是演练</translation>
    </message>
    <message>
      <source>&lt; Back</source>
      <translation>&lt; 上一步</translation>
    </message>
    <message>
      <source>Activate</source>
      <translation>启动</translation>
    </message>
    <message>
      <source>Activate sirens</source>
      <translation>启动警报器</translation>
    </message>
    <message>
      <source>All</source>
      <translation>全部</translation>
    </message>
    <message>
      <source>Checking…</source>
      <translation>正在检查…</translation>
    </message>
    <message>
      <source>Choose a pattern…</source>
      <translation>选择信号…</translation>
    </message>
    <message>
      <source>Choose the sirens, a pattern, and LIVE or EXERCISE first.</source>
      <translation>请先选择警报器、信号，以及实战或演练。</translation>
    </message>
    <message>
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <source>Duration</source>
      <translation>时长</translation>
    </message>
    <message>
      <source>EXERCISE</source>
      <translation>演练</translation>
    </message>
    <message>
      <source>EXERCISE — NOTHING WILL SOUND</source>
      <translation>演练 — 不会鸣响</translation>
    </message>
    <message>
      <source>EXERCISE — recorded, nothing is sent</source>
      <translation>演练 — 已记录，不发送任何指令</translation>
    </message>
    <message>
      <source>For</source>
      <translation>用于</translation>
    </message>
    <message>
      <source>LIVE</source>
      <translation>实战</translation>
    </message>
    <message>
      <source>LIVE ACTIVATION — SIRENS WILL SOUND</source>
      <translation>实战启动 — 警报器将鸣响</translation>
    </message>
    <message>
      <source>LIVE — a short, low test sound will be heard</source>
      <translation>实战 — 将听到短促低音测试声</translation>
    </message>
    <message>
      <source>LIVE — the sirens will sound</source>
      <translation>实战 — 警报器将鸣响</translation>
    </message>
    <message>
      <source>Mode</source>
      <translation>模式</translation>
    </message>
    <message>
      <source>Next &gt;</source>
      <translation>下一步 &gt;</translation>
    </message>
    <message>
      <source>None</source>
      <translation>无</translation>
    </message>
    <message>
      <source>Only this post's own signals are offered (plus the common tests). Change the set with [sirens] country in the config file.</source>
      <translation>只提供本指挥所自己的信号（以及通用测试信号）。可在配置文件的 [sirens] country 中更改信号集。</translation>
    </message>
    <message>
      <source>Pattern</source>
      <translation>信号</translation>
    </message>
    <message>
      <source>Pattern name</source>
      <translation>信号名称</translation>
    </message>
    <message>
      <source>Record exercise activation</source>
      <translation>记录演练启动</translation>
    </message>
    <message>
      <source>Run silent test</source>
      <translation>运行静音测试</translation>
    </message>
    <message>
      <source>SILENT TEST — NO SOUND</source>
      <translation>静音测试 — 无声音</translation>
    </message>
    <message>
      <source>SILENT TEST — sent to the controllers; the rotator turns and nothing is heard. Not an exercise and not a live sound.</source>
      <translation>静音测试 — 已发送至控制器；旋转器转动但听不到声音。既不是演练，也不是实战鸣响。</translation>
    </message>
    <message>
      <source>SOUND SIRENS</source>
      <translation>鸣响警报器</translation>
    </message>
    <message>
      <source>Signal set: %1</source>
      <translation>信号集：%1</translation>
    </message>
    <message>
      <source>Sound</source>
      <translation>声音</translation>
    </message>
    <message>
      <source>TEST</source>
      <translation>测试</translation>
    </message>
    <message>
      <source>The post is in EXERCISE mode: live sound is not possible (silent tests still run).</source>
      <translation>指挥所处于演练模式：无法实战鸣响（静音测试仍会运行）。</translation>
    </message>
    <message>
      <source>To confirm, type the pattern's name %1 or its short code %2 (capitals do not matter).</source>
      <translation>请输入信号名称 %1 或其简码 %2 以确认（不区分大小写）。</translation>
    </message>
    <message>
      <source>Your PIN</source>
      <translation>您的 PIN 码</translation>
    </message>
    <message>
      <source>siren(s)</source>
      <translation>台警报器</translation>
    </message>
    <message>
      <source>will run a silent test</source>
      <translation>将运行静音测试</translation>
    </message>
    <message>
      <source>will sound</source>
      <translation>将鸣响</translation>
    </message>
    <message>
      <source>would sound (exercise only)</source>
      <translation>将鸣响（仅演练）</translation>
    </message>
  </context>
  <context>
    <name>ActivityLogModel</name>
    <message>
      <source>Action</source>
      <translation>操作</translation>
    </message>
    <message>
      <source>All clear issued</source>
      <translation>已发布解除警报</translation>
    </message>
    <message>
      <source>CAP alert acknowledged</source>
      <translation>CAP 警报已确认</translation>
    </message>
    <message>
      <source>CAP alert imported</source>
      <translation>已导入 CAP 警报</translation>
    </message>
    <message>
      <source>Exercise ended</source>
      <translation>演练已结束</translation>
    </message>
    <message>
      <source>Exercise purged</source>
      <translation>演练记录已清除</translation>
    </message>
    <message>
      <source>Exercise started</source>
      <translation>演练已开始</translation>
    </message>
    <message>
      <source>Four-eyes rule changed</source>
      <translation>双人复核规则已更改</translation>
    </message>
    <message>
      <source>Incident closed</source>
      <translation>事件已关闭</translation>
    </message>
    <message>
      <source>Incident edited</source>
      <translation>事件已编辑</translation>
    </message>
    <message>
      <source>Incident reported</source>
      <translation>事件已报告</translation>
    </message>
    <message>
      <source>Locked out</source>
      <translation>已锁定</translation>
    </message>
    <message>
      <source>Log line</source>
      <translation>日志条目</translation>
    </message>
    <message>
      <source>Operator</source>
      <translation>值班员</translation>
    </message>
    <message>
      <source>Operator added</source>
      <translation>已添加值班员</translation>
    </message>
    <message>
      <source>PAR interval set</source>
      <translation>已设置人员清点（PAR）间隔</translation>
    </message>
    <message>
      <source>PAR result</source>
      <translation>人员清点（PAR）结果</translation>
    </message>
    <message>
      <source>PAR roll call</source>
      <translation>人员清点（PAR）点名</translation>
    </message>
    <message>
      <source>PIN policy changed</source>
      <translation>PIN 码规则已更改</translation>
    </message>
    <message>
      <source>Radio alert acknowledged</source>
      <translation>无线电警报已确认</translation>
    </message>
    <message>
      <source>Radio message cancelled</source>
      <translation>无线电消息已取消</translation>
    </message>
    <message>
      <source>Radio message filed</source>
      <translation>电台消息已登记</translation>
    </message>
    <message>
      <source>Radio message queued</source>
      <translation>无线电消息已排队</translation>
    </message>
    <message>
      <source>Radio message sent again</source>
      <translation>无线电消息已重发</translation>
    </message>
    <message>
      <source>Resident accounted for</source>
      <translation>居民已清点</translation>
    </message>
    <message>
      <source>Resident added</source>
      <translation>已添加居民</translation>
    </message>
    <message>
      <source>Resident edited</source>
      <translation>居民信息已编辑</translation>
    </message>
    <message>
      <source>Resident record opened</source>
      <translation>已查看居民记录</translation>
    </message>
    <message>
      <source>Residents exported</source>
      <translation>已导出居民</translation>
    </message>
    <message>
      <source>Residents imported</source>
      <translation>已导入居民</translation>
    </message>
    <message>
      <source>Risk point added</source>
      <translation>已添加风险点</translation>
    </message>
    <message>
      <source>Risk point edited</source>
      <translation>风险点已编辑</translation>
    </message>
    <message>
      <source>Risk point inspected</source>
      <translation>风险点已检查</translation>
    </message>
    <message>
      <source>Sensor alert</source>
      <translation type="vanished">传感器报警</translation>
    </message>
    <message>
      <source>Sensor changed</source>
      <translation>传感器已修改</translation>
    </message>
    <message>
      <source>Sensor registered</source>
      <translation>已登记传感器</translation>
    </message>
    <message>
      <source>Sensor removed</source>
      <translation>传感器已移除</translation>
    </message>
    <message>
      <source>Shelter added</source>
      <translation>已添加避难场所</translation>
    </message>
    <message>
      <source>Shelter edited</source>
      <translation>避难场所已编辑</translation>
    </message>
    <message>
      <source>Shelter occupancy changed</source>
      <translation>避难场所人数已变更</translation>
    </message>
    <message>
      <source>Shelter status changed</source>
      <translation>避难场所状态已变更</translation>
    </message>
    <message>
      <source>Signed off</source>
      <translation>已退出登录</translation>
    </message>
    <message>
      <source>Signed on</source>
      <translation>已登录</translation>
    </message>
    <message>
      <source>Siren activation refused</source>
      <translation>警报器启动被拒绝</translation>
    </message>
    <message>
      <source>Siren activation requested</source>
      <translation>已请求启动警报器</translation>
    </message>
    <message>
      <source>Siren added</source>
      <translation>已添加警报器</translation>
    </message>
    <message>
      <source>Siren alarm acknowledged</source>
      <translation>警报器报警已确认</translation>
    </message>
    <message>
      <source>Siren alarm: controller fault</source>
      <translation>警报器告警：控制器故障</translation>
    </message>
    <message>
      <source>Siren alarm: no answer</source>
      <translation>警报器告警：无应答</translation>
    </message>
    <message>
      <source>Siren alarm: not confirmed</source>
      <translation>警报器告警：未确认</translation>
    </message>
    <message>
      <source>Siren alarm: sounding uncommanded</source>
      <translation>警报器告警：无指令鸣响</translation>
    </message>
    <message>
      <source>Siren command confirmed</source>
      <translation>警报器指令已确认</translation>
    </message>
    <message>
      <source>Siren command not confirmed</source>
      <translation>警报器指令未确认</translation>
    </message>
    <message>
      <source>Siren command recorded (exercise)</source>
      <translation>警报器指令已记录（演练）</translation>
    </message>
    <message>
      <source>Siren command refused</source>
      <translation>警报器指令被拒绝</translation>
    </message>
    <message>
      <source>Siren command sent</source>
      <translation>警报器指令已发送</translation>
    </message>
    <message>
      <source>Siren did not answer</source>
      <translation>警报器无应答</translation>
    </message>
    <message>
      <source>Siren did not start</source>
      <translation>警报器未启动</translation>
    </message>
    <message>
      <source>Siren line back</source>
      <translation>警报器线路已恢复</translation>
    </message>
    <message>
      <source>Siren test scheduled</source>
      <translation>已计划警报器测试</translation>
    </message>
    <message>
      <source>Siren test skipped</source>
      <translation>警报器测试已跳过</translation>
    </message>
    <message>
      <source>Siren test started</source>
      <translation>警报器测试已开始</translation>
    </message>
    <message>
      <source>Sirens cancelled</source>
      <translation>警报器已取消</translation>
    </message>
    <message>
      <source>Stock adjusted</source>
      <translation>库存已调整</translation>
    </message>
    <message>
      <source>Stock consumed</source>
      <translation>库存已消耗</translation>
    </message>
    <message>
      <source>Stock issued</source>
      <translation>库存已发放</translation>
    </message>
    <message>
      <source>Stock item added</source>
      <translation>已添加库存物品</translation>
    </message>
    <message>
      <source>Stock location added</source>
      <translation>已添加库存存放点</translation>
    </message>
    <message>
      <source>Stock received</source>
      <translation>库存已接收</translation>
    </message>
    <message>
      <source>Stock request approved</source>
      <translation>物资申请已批准</translation>
    </message>
    <message>
      <source>Stock request cancelled</source>
      <translation>物资申请已取消</translation>
    </message>
    <message>
      <source>Stock request denied</source>
      <translation>物资申请已拒绝</translation>
    </message>
    <message>
      <source>Stock request fulfilled</source>
      <translation>物资申请已满足</translation>
    </message>
    <message>
      <source>Stock requested</source>
      <translation>已申请物资</translation>
    </message>
    <message>
      <source>Stock returned</source>
      <translation>库存已归还</translation>
    </message>
    <message>
      <source>Stock threshold set</source>
      <translation>已设置库存阈值</translation>
    </message>
    <message>
      <source>Stock transferred</source>
      <translation>库存已调拨</translation>
    </message>
    <message>
      <source>Summary</source>
      <translation>摘要</translation>
    </message>
    <message>
      <source>Task assigned</source>
      <translation>任务已分派</translation>
    </message>
    <message>
      <source>Task created</source>
      <translation>任务已创建</translation>
    </message>
    <message>
      <source>Task edited</source>
      <translation>任务已编辑</translation>
    </message>
    <message>
      <source>Task moved</source>
      <translation>任务已移动</translation>
    </message>
    <message>
      <source>Task unassigned</source>
      <translation>任务已取消分派</translation>
    </message>
    <message>
      <source>Team MAYDAY</source>
      <translation>队伍 MAYDAY 求救</translation>
    </message>
    <message>
      <source>Team MAYDAY acknowledged</source>
      <translation>队伍 MAYDAY 求救已确认</translation>
    </message>
    <message>
      <source>Team PAR confirmed</source>
      <translation>队伍人员清点（PAR）已确认</translation>
    </message>
    <message>
      <source>Team added</source>
      <translation>已添加队伍</translation>
    </message>
    <message>
      <source>Team disbanded</source>
      <translation>队伍已解散</translation>
    </message>
    <message>
      <source>Team formed</source>
      <translation>队伍已组建</translation>
    </message>
    <message>
      <source>Team status changed</source>
      <translation>队伍状态已变更</translation>
    </message>
    <message>
      <source>Time</source>
      <translation>时间</translation>
    </message>
    <message>
      <source>Undelivered radio message seen</source>
      <translation>已知悉未送达的无线电消息</translation>
    </message>
    <message>
      <source>Volunteer added</source>
      <translation>已添加志愿者</translation>
    </message>
    <message>
      <source>Volunteer checked in</source>
      <translation>志愿者已签到</translation>
    </message>
    <message>
      <source>Volunteer checked out</source>
      <translation>志愿者已签出</translation>
    </message>
    <message>
      <source>Volunteer edited</source>
      <translation>志愿者信息已编辑</translation>
    </message>
    <message>
      <source>Volunteers closed out</source>
      <translation>志愿者已全部签出</translation>
    </message>
    <message>
      <source>Volunteers imported</source>
      <translation>已导入志愿者</translation>
    </message>
    <message>
      <source>Warning approved</source>
      <translation>预警已批准</translation>
    </message>
    <message>
      <source>Warning cancelled</source>
      <translation>预警已取消</translation>
    </message>
    <message>
      <source>Warning drafted</source>
      <translation>预警已起草</translation>
    </message>
    <message>
      <source>Warning drafted from a sensor</source>
      <translation>已根据传感器起草预警</translation>
    </message>
    <message>
      <source>Warning issued</source>
      <translation>预警已发布</translation>
    </message>
    <message>
      <source>Warning refused</source>
      <translation>预警被拒绝</translation>
    </message>
    <message>
      <source>Warning sent</source>
      <translation>预警已发送</translation>
    </message>
    <message>
      <source>Warning sent again</source>
      <translation>预警已重发</translation>
    </message>
    <message>
      <source>Warning updated</source>
      <translation>预警已更新</translation>
    </message>
    <message>
      <source>Wrong PIN</source>
      <translation>PIN 码错误</translation>
    </message>
    <message>
      <source>Zone drawn</source>
      <translation>已绘制区域</translation>
    </message>
    <message>
      <source>Zone withdrawn</source>
      <translation>区域已撤销</translation>
    </message>
  </context>
  <context>
    <name>ActivityLogPanel</name>
    <message>
      <source>+ (scroll for older)</source>
      <translation>+（向下滚动查看更早记录）</translation>
    </message>
    <message>
      <source>Add to log</source>
      <translation>记入日志</translation>
    </message>
    <message>
      <source>All time</source>
      <translation>全部时间</translation>
    </message>
    <message>
      <source>Everyone</source>
      <translation>全体</translation>
    </message>
    <message>
      <source>Last 24 hours</source>
      <translation>最近 24 小时</translation>
    </message>
    <message>
      <source>Last hour</source>
      <translation>最近 1 小时</translation>
    </message>
    <message>
      <source>Log lines only</source>
      <translation>仅日志条目</translation>
    </message>
    <message>
      <source>Search the log  (Ctrl+F)</source>
      <translation>搜索日志  (Ctrl+F)</translation>
    </message>
    <message>
      <source>Today</source>
      <translation>今天</translation>
    </message>
    <message>
      <source>Type a log line and press Enter  (Ctrl+L)</source>
      <translation>输入日志条目并按 Enter  (Ctrl+L)</translation>
    </message>
    <message>
      <source>Your role can read the log but not write in it</source>
      <translation>您的角色可以阅读日志，但不能写入</translation>
    </message>
    <message>
      <source>{n} entries loaded</source>
      <translation>已加载 {n} 条</translation>
    </message>
  </context>
  <context>
    <name>AddItemDialog</name>
    <message>
      <source>&amp;Barcode:</source>
      <translation>条码(&amp;B)：</translation>
    </message>
    <message>
      <source>&amp;Category:</source>
      <translation>类别(&amp;C)：</translation>
    </message>
    <message>
      <source>&amp;Name:</source>
      <translation>名称(&amp;N)：</translation>
    </message>
    <message>
      <source>&amp;Unit:</source>
      <translation>单位(&amp;U)：</translation>
    </message>
    <message>
      <source>Critical (its shortage endangers people)</source>
      <translation>关键（短缺会危及人员）</translation>
    </message>
    <message>
      <source>New stock item</source>
      <translation>新建库存物品</translation>
    </message>
  </context>
  <context>
    <name>AddLocationDialog</name>
    <message>
      <source>&amp;Kind:</source>
      <translation>类型(&amp;K)：</translation>
    </message>
    <message>
      <source>&amp;Latitude:</source>
      <translation>纬度(&amp;L)：</translation>
    </message>
    <message>
      <source>&amp;Name:</source>
      <translation>名称(&amp;N)：</translation>
    </message>
    <message>
      <source>L&amp;ongitude:</source>
      <translation>经度(&amp;O)：</translation>
    </message>
    <message>
      <source>New stock location</source>
      <translation>新建库存存放点</translation>
    </message>
    <message>
      <source>optional, e.g. 120.170000</source>
      <translation>可选，例如 120.170000</translation>
    </message>
    <message>
      <source>optional, e.g. 30.260000</source>
      <translation>可选，例如 30.260000</translation>
    </message>
  </context>
  <context>
    <name>AlarmBar</name>
    <message>
      <source>  (+{n} more)</source>
      <translation>  （另有 {n} 条）</translation>
    </message>
    <message>
      <source> (plain text, unverified)</source>
      <translation> （纯文本，未验证）</translation>
    </message>
    <message>
      <source>Acknowledge</source>
      <translation>确认</translation>
    </message>
    <message>
      <source>Acknowledge: you have seen it and act. Stops the alarm at every workstation; recorded in the audit log.</source>
      <translation>确认：表示您已看到并将处置。将在所有工作站停止警报，并记入审计日志。</translation>
    </message>
    <message>
      <source>Show message</source>
      <translation>显示消息</translation>
    </message>
    <message>
      <source>Sound off: no audio device</source>
      <translation>声音关闭：无音频设备</translation>
    </message>
    <message>
      <source>This workstation has no audio output: alarms here are visible only. Keep the window in sight or connect speakers.</source>
      <translation>本工作站没有音频输出：此处警报仅可视。请保持窗口可见或连接扬声器。</translation>
    </message>
    <message>
      <source>from {station}{plain} at {time}: {text}{more}</source>
      <translation>来自 {station}{plain}，{time}：{text}{more}</translation>
    </message>
  </context>
  <context>
    <name>AlertBanner</name>
    <message>
      <source> (+{n} more)</source>
      <translation> （另有 {n} 条）</translation>
    </message>
    <message>
      <source>Acknowledge</source>
      <translation>确认</translation>
    </message>
    <message>
      <source>{prec} from {station} at {time}: {text}{more}</source>
      <translation>{prec}，来自 {station}，{time}：{text}{more}</translation>
    </message>
  </context>
  <context>
    <name>Alerts</name>
    <message>
      <source> (draft)</source>
      <translation>（草稿）</translation>
    </message>
    <message>
      <source> (exercise)</source>
      <translation>（演练）</translation>
    </message>
    <message>
      <source> (never heard)</source>
      <translation>（从未收到）</translation>
    </message>
    <message>
      <source> (plain text, unverified)</source>
      <translation> （纯文本，未验证）</translation>
    </message>
    <message>
      <source> (system message)</source>
      <translation>（系统消息）</translation>
    </message>
    <message>
      <source> (test)</source>
      <translation>（测试）</translation>
    </message>
    <message>
      <source> ({over} over capacity)</source>
      <translation>（超员 {over} 人）</translation>
    </message>
    <message>
      <source> — updated</source>
      <translation> — 已更新</translation>
    </message>
    <message>
      <source>A viewer cannot draft warnings.</source>
      <translation>查看者不能起草预警。</translation>
    </message>
    <message>
      <source>Acknowledge</source>
      <translation>确认</translation>
    </message>
    <message>
      <source>Alert</source>
      <translation>警报</translation>
    </message>
    <message>
      <source>Alert list could not be read: {words}</source>
      <translation>无法读取警报列表：{words}</translation>
    </message>
    <message>
      <source>CAP from {sender}{kind}{update}: {headline}</source>
      <translation>来自 {sender} 的 CAP{kind}{update}：{headline}</translation>
    </message>
    <message>
      <source>CAP inbox</source>
      <translation>CAP 收件箱</translation>
    </message>
    <message>
      <source>Clears when its cause is dealt with</source>
      <translation>原因处理后自动清除</translation>
    </message>
    <message>
      <source>Database</source>
      <translation>数据库</translation>
    </message>
    <message>
      <source>Details</source>
      <translation>详情</translation>
    </message>
    <message>
      <source>Draft warning</source>
      <translation>起草预警</translation>
    </message>
    <message>
      <source>EMERGENCY</source>
      <translation>紧急</translation>
    </message>
    <message>
      <source>Go to record</source>
      <translation>转到记录</translation>
    </message>
    <message>
      <source>Inspection overdue: {name}</source>
      <translation>检查逾期：{name}</translation>
    </message>
    <message>
      <source>LIVE</source>
      <translation type="vanished">实战</translation>
    </message>
    <message>
      <source>MAYDAY</source>
      <translation>紧急求救</translation>
    </message>
    <message>
      <source>MAYDAY: {team}</source>
      <translation>紧急求救：{team}</translation>
    </message>
    <message>
      <source>Map</source>
      <translation>地图</translation>
    </message>
    <message>
      <source>Messages go through the other radios; this one hears nothing.</source>
      <translation>消息经由其他电台收发；这台电台什么也收不到。</translation>
    </message>
    <message>
      <source>Needs acknowledging</source>
      <translation>需要确认</translation>
    </message>
    <message>
      <source>No open alerts.</source>
      <translation>没有未处理的警报。</translation>
    </message>
    <message>
      <source>No radio is working: field messages are not heard or sent.</source>
      <translation>没有一台电台在工作：现场消息收不到也发不出。</translation>
    </message>
    <message>
      <source>Not heard from for {minutes} min (timer {timer} min); confirm by voice or start a roll call</source>
      <translation>已 {minutes} 分钟未联系（计时 {timer} 分钟）；请语音确认或发起点名</translation>
    </message>
    <message>
      <source>Notices</source>
      <translation>通知</translation>
    </message>
    <message>
      <source>PAR overdue: {team}</source>
      <translation>人员清点超时：{team}</translation>
    </message>
    <message>
      <source>PRIORITY</source>
      <translation>优先</translation>
    </message>
    <message>
      <source>Problem</source>
      <translation>问题</translation>
    </message>
    <message>
      <source>ROUTINE</source>
      <translation>常规</translation>
    </message>
    <message>
      <source>Radio</source>
      <translation>无线电</translation>
    </message>
    <message>
      <source>Radio links</source>
      <translation>电台连接</translation>
    </message>
    <message>
      <source>Radio messages sent</source>
      <translation>已发无线电消息</translation>
    </message>
    <message>
      <source>Radio storage</source>
      <translation>电台存储</translation>
    </message>
    <message>
      <source>Radio {radio}: {state}</source>
      <translation>电台 {radio}：{state}</translation>
    </message>
    <message>
      <source>Risks</source>
      <translation>风险点</translation>
    </message>
    <message>
      <source>Select a sensor alert to draft a warning from its reading.</source>
      <translation>选择一条传感器警报，用其读数起草预警。</translation>
    </message>
    <message>
      <source>Select an alert in the list first.</source>
      <translation>请先在列表中选择一条警报。</translation>
    </message>
    <message>
      <source>Sensors</source>
      <translation>传感器</translation>
    </message>
    <message>
      <source>Severity</source>
      <translation>严重程度</translation>
    </message>
    <message>
      <source>Shelter full: {name}</source>
      <translation>避难场所已满：{name}</translation>
    </message>
    <message>
      <source>Shelter over capacity: {name}</source>
      <translation>避难场所超员：{name}</translation>
    </message>
    <message>
      <source>Shelters</source>
      <translation>避难场所</translation>
    </message>
    <message>
      <source>Since</source>
      <translation>起始</translation>
    </message>
    <message>
      <source>Sirens</source>
      <translation>警报器</translation>
    </message>
    <message>
      <source>Source</source>
      <translation>来源</translation>
    </message>
    <message>
      <source>Stock</source>
      <translation>库存</translation>
    </message>
    <message>
      <source>Teams</source>
      <translation>队伍</translation>
    </message>
    <message>
      <source>This alert has no record to go to.</source>
      <translation>此警报没有可跳转的记录。</translation>
    </message>
    <message>
      <source>This alert needs no acknowledgement.</source>
      <translation>此警报无需确认。</translation>
    </message>
    <message>
      <source>To {recipient}: {precedence} message #{number} not delivered</source>
      <translation>发往 {recipient} 的 {precedence} 消息 #{number} 未送达</translation>
    </message>
    <message>
      <source>WELFARE</source>
      <translation>平安</translation>
    </message>
    <message>
      <source>Warning #{id} not delivered on {channel}</source>
      <translation>预警 #{id} 未能经{channel}送达</translation>
    </message>
    <message>
      <source>Warnings</source>
      <translation>预警</translation>
    </message>
    <message>
      <source>no reading for more than {factor}× its interval of {minutes} min</source>
      <translation>超过 {factor} 倍上报间隔（{minutes} 分钟）没有读数</translation>
    </message>
    <message>
      <source>no value</source>
      <translation>无读数值</translation>
    </message>
    <message>
      <source>{event}; area: {area}</source>
      <translation>{event}；范围：{area}</translation>
    </message>
    <message>
      <source>{item} at {place}</source>
      <translation>{place}的{item}</translation>
    </message>
    <message>
      <source>{kind}, level {level}; due {days} day(s) ago</source>
      <translation>{kind}，等级 {level}；已逾期 {days} 天</translation>
    </message>
    <message>
      <source>{name} at {place}</source>
      <translation>{place}的{name}</translation>
    </message>
    <message>
      <source>{n} of {capacity} places taken</source>
      <translation>已占用 {n} / {capacity} 个位置</translation>
    </message>
    <message>
      <source>{n} open alert(s), {c} critical</source>
      <translation>{n} 个未处理警报，{c} 个危急</translation>
    </message>
    <message>
      <source>{precedence} from {station}{unverified}</source>
      <translation>{precedence}，来自 {station}{unverified}</translation>
    </message>
    <message>
      <source>{source} alerts could not be read</source>
      <translation>无法读取{source}警报</translation>
    </message>
    <message>
      <source>{source}: problem</source>
      <translation>{source}：问题</translation>
    </message>
    <message>
      <source>{status}; task: {task}; members: {members}</source>
      <translation>{status}；任务：{task}；队员：{members}</translation>
    </message>
    <message>
      <source>{what}: {name}</source>
      <translation>{what}：{name}</translation>
    </message>
    <message>
      <source>{where}: {value} — {rule}: {detail} ({time} UTC)</source>
      <translation>{where}：{value} — {rule}：{detail}（UTC {time}）</translation>
    </message>
  </context>
  <context>
    <name>BatteryChart</name>
    <message>
      <source>Battery (V)</source>
      <translation>电池（V）</translation>
    </message>
    <message>
      <source>Battery voltage — </source>
      <translation>电池电压 — </translation>
    </message>
    <message>
      <source>Select a siren to see its battery history</source>
      <translation>选择一台警报器以查看其电池历史</translation>
    </message>
    <message>
      <source>low battery 23.0 V</source>
      <translation>电池电量低 23.0 V</translation>
    </message>
  </context>
  <context>
    <name>CheckIn</name>
    <message>
      <source>%1 checked out at the end of the shift.</source>
      <translation>本班结束，已签退 %1 人。</translation>
    </message>
    <message>
      <source>%1 on site now</source>
      <translation>现在在岗 %1 人</translation>
    </message>
    <message>
      <source>%1 people, %2 person-hours in the period</source>
      <translation>本时段共 %1 人，%2 人·小时</translation>
    </message>
    <message>
      <source>&amp;Badge:</source>
      <translation>胸牌(&amp;B)：</translation>
    </message>
    <message>
      <source>Check &amp;in</source>
      <translation>签到(&amp;I)</translation>
    </message>
    <message>
      <source>Check &amp;out</source>
      <translation>签退(&amp;O)</translation>
    </message>
    <message>
      <source>Check out all %1 people still checked in?</source>
      <translation>为仍在签到状态的 %1 人全部签退？</translation>
    </message>
    <message>
      <source>Check them all out</source>
      <translation>全部签退</translation>
    </message>
    <message>
      <source>Check-in and check-out (ICS-211)</source>
      <translation>签到与签退（ICS-211）</translation>
    </message>
    <message>
      <source>Close out shift</source>
      <translation>结束本班</translation>
    </message>
    <message>
      <source>Close out shift…</source>
      <translation>结束本班…</translation>
    </message>
    <message>
      <source>For</source>
      <translation>用于</translation>
    </message>
    <message>
      <source>From</source>
      <translation>从</translation>
    </message>
    <message>
      <source>Hours</source>
      <translation>工时</translation>
    </message>
    <message>
      <source>Hours per person</source>
      <translation>每人工时</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>名称</translation>
    </message>
    <message>
      <source>On site now</source>
      <translation>现在在岗</translation>
    </message>
    <message>
      <source>Or &amp;name:</source>
      <translation>或姓名(&amp;N)：</translation>
    </message>
    <message>
      <source>Scan a badge, then Enter</source>
      <translation>扫描胸牌，然后按回车</translation>
    </message>
    <message>
      <source>Since</source>
      <translation>起始</translation>
    </message>
    <message>
      <source>The period ends before it starts: set From earlier than to.</source>
      <translation>时段的结束早于开始：请把“从”设为早于“至”的时间。</translation>
    </message>
    <message>
      <source>to</source>
      <translation>至</translation>
    </message>
  </context>
  <context>
    <name>CloseIncidentDialog</name>
    <message>
      <source>Close incident</source>
      <translation>关闭事件</translation>
    </message>
    <message>
      <source>Close incident #{id}</source>
      <translation>关闭事件 #{id}</translation>
    </message>
    <message>
      <source>How was “{title}” resolved?</source>
      <translation>“{title}”是如何处置的？</translation>
    </message>
    <message>
      <source>e.g. Pump team cleared the underpass; road reopened 14:20.</source>
      <translation>例如：抽水队已清理地下通道；道路 14:20 恢复通行。</translation>
    </message>
  </context>
  <context>
    <name>CommsLogModel</name>
    <message>
      <source>Dir</source>
      <translation>方向</translation>
    </message>
    <message>
      <source>From</source>
      <translation>来自</translation>
    </message>
    <message>
      <source>Message</source>
      <translation>消息</translation>
    </message>
    <message>
      <source>No.</source>
      <translation>编号</translation>
    </message>
    <message>
      <source>Plain text from a radio that does not speak the field payload: no number, no checksum, no acknowledgement. The words may be garbled; confirm by voice if it matters.</source>
      <translation>来自不支持现场报文格式的电台的纯文本：没有编号、校验和或确认。文字可能有误；如有必要，请通过语音确认。</translation>
    </message>
    <message>
      <source>Prec.</source>
      <translation>优先</translation>
    </message>
    <message>
      <source>RSSI/SNR</source>
      <translation>RSSI/SNR</translation>
    </message>
    <message>
      <source>State</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Time</source>
      <translation>时间</translation>
    </message>
    <message>
      <source>To</source>
      <translation>发往</translation>
    </message>
    <message>
      <source>Written by {name}</source>
      <translation>由 {name} 撰写</translation>
    </message>
    <message>
      <source>[EXERCISE] </source>
      <translation>[演练] </translation>
    </message>
    <message>
      <source>[plain text, unverified] </source>
      <translation>[纯文本，未验证] </translation>
    </message>
    <message>
      <source>acked</source>
      <translation>已确认</translation>
    </message>
    <message>
      <source>cancelled</source>
      <translation>已取消</translation>
    </message>
    <message>
      <source>failed</source>
      <translation>失败</translation>
    </message>
    <message>
      <source>in</source>
      <translation>入</translation>
    </message>
    <message>
      <source>out</source>
      <translation>出</translation>
    </message>
    <message>
      <source>queued</source>
      <translation>排队中</translation>
    </message>
    <message>
      <source>received</source>
      <translation>已收到</translation>
    </message>
    <message>
      <source>relayed</source>
      <translation>已中继</translation>
    </message>
    <message>
      <source>sent</source>
      <translation>已发送</translation>
    </message>
  </context>
  <context>
    <name>ComposeBox</name>
    <message>
      <source>A node, team or tactical call sign, or ALL for everyone</source>
      <translation>节点、队伍或战术呼号，或 ALL 表示全体</translation>
    </message>
    <message>
      <source>Any radio</source>
      <translation>任意电台</translation>
    </message>
    <message>
      <source>Emergency</source>
      <translation>紧急</translation>
    </message>
    <message>
      <source>Message — Enter sends, Ctrl+Enter for a new line</source>
      <translation>消息 — Enter 发送，Ctrl+Enter 换行</translation>
    </message>
    <message>
      <source>Precedence</source>
      <translation>优先等级</translation>
    </message>
    <message>
      <source>Priority</source>
      <translation>优先</translation>
    </message>
    <message>
      <source>Routine</source>
      <translation>常规</translation>
    </message>
    <message>
      <source>Send</source>
      <translation>发送</translation>
    </message>
    <message>
      <source>The radio to send on; if it is down or its airtime is spent, another one sends the message</source>
      <translation>用于发送的电台；如果它中断或发射时长已用完，将由另一台电台发送</translation>
    </message>
    <message>
      <source>This message cannot be sent as it is.</source>
      <translation>此消息无法按原样发送。</translation>
    </message>
    <message>
      <source>This post's call sign on the air ([radio] call_sign in the config file)</source>
      <translation>本指挥所在空中的呼号（配置文件中的 [radio] call_sign）</translation>
    </message>
    <message>
      <source>To</source>
      <translation>发往</translation>
    </message>
    <message>
      <source>Type a message first.</source>
      <translation>请先输入消息。</translation>
    </message>
    <message>
      <source>Via</source>
      <translation>经由</translation>
    </message>
    <message>
      <source>Welfare</source>
      <translation>生活保障</translation>
    </message>
    <message>
      <source>as {call}</source>
      <translation>呼号 {call}</translation>
    </message>
    <message>
      <source>{bytes} B · {frames}/{limit} Meshtastic packets</source>
      <translation>{bytes} 字节 · {frames}/{limit} 个 Meshtastic 数据包</translation>
    </message>
    <message>
      <source>{bytes} B · {frames}/{limit} frames · {airtime} s on air</source>
      <translation>{bytes} 字节 · {frames}/{limit} 帧 · 发射 {airtime} 秒</translation>
    </message>
  </context>
  <context>
    <name>Crash</name>
    <message>
      <source>Ops Console hit a problem it did not expect. Everything saved so far is safe in the database; the details are in {path}</source>
      <translation>指挥所控制台遇到了意外问题。已保存的内容都安全地存放在数据库中；详细信息见 {path}</translation>
    </message>
    <message>
      <source>Quit Ops Console</source>
      <translation>退出指挥所控制台</translation>
    </message>
    <message>
      <source>Unexpected problem</source>
      <translation>意外问题</translation>
    </message>
    <message>
      <source>You can keep working. If it happens again, restart the console and give the log file to whoever looks after this post.</source>
      <translation>您可以继续工作。如果再次发生，请重启控制台并将日志文件交给本指挥所的维护人员。</translation>
    </message>
    <message>
      <source>the program's error output (no log file could be opened)</source>
      <translation>程序的错误输出（无法打开日志文件）</translation>
    </message>
  </context>
  <context>
    <name>DevicesDialog</name>
    <message>
      <source> (config file / command line)</source>
      <translation> （配置文件 / 命令行）</translation>
    </message>
    <message>
      <source>/dev/ttyUSB0 or socket://127.0.0.1:7001</source>
      <translation>/dev/ttyUSB0 或 socket://127.0.0.1:7001</translation>
    </message>
    <message>
      <source>A port is being tested: wait for its answer.</source>
      <translation>正在测试一个端口：请等待它的应答。</translation>
    </message>
    <message>
      <source>Add</source>
      <translation>添加</translation>
    </message>
    <message>
      <source>Added {port}.</source>
      <translation>已添加 {port}。</translation>
    </message>
    <message>
      <source>Baud</source>
      <translation>波特率</translation>
    </message>
    <message>
      <source>Configured radio devices</source>
      <translation>已配置的无线电设备</translation>
    </message>
    <message>
      <source>Debug log:</source>
      <translation>调试日志：</translation>
    </message>
    <message>
      <source>Description</source>
      <translation>描述</translation>
    </message>
    <message>
      <source>Device</source>
      <translation>设备</translation>
    </message>
    <message>
      <source>Errors</source>
      <translation>错误</translation>
    </message>
    <message>
      <source>Hardware id</source>
      <translation>硬件编号</translation>
    </message>
    <message>
      <source>Heard</source>
      <translation>收到</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>类型</translation>
    </message>
    <message>
      <source>Last error</source>
      <translation>最近错误</translation>
    </message>
    <message>
      <source>Model</source>
      <translation>型号</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>名称</translation>
    </message>
    <message>
      <source>No serial ports found. You can still type a path or a URL such as socket://127.0.0.1:7001.</source>
      <translation>未找到串口。您仍可输入路径或网址，例如 socket://127.0.0.1:7001。</translation>
    </message>
    <message>
      <source>Nodes in the mesh:</source>
      <translation>网状网络中的节点：</translation>
    </message>
    <message>
      <source>Only an administrator may add or remove radio devices.</source>
      <translation>只有管理员可以添加或移除无线电设备。</translation>
    </message>
    <message>
      <source>Port</source>
      <translation>端口</translation>
    </message>
    <message>
      <source>Radio devices</source>
      <translation>无线电设备</translation>
    </message>
    <message>
      <source>Refresh</source>
      <translation>刷新</translation>
    </message>
    <message>
      <source>Remove</source>
      <translation>移除</translation>
    </message>
    <message>
      <source>Removed {port}.</source>
      <translation>已移除 {port}。</translation>
    </message>
    <message>
      <source>Saved in {path}. Added or removed devices are opened when the radio next starts.</source>
      <translation>已保存到 {path}。添加或移除的设备将在无线电下次启动时打开。</translation>
    </message>
    <message>
      <source>Select a device in the list first.</source>
      <translation>请先在列表中选择一个设备。</translation>
    </message>
    <message>
      <source>Select a running Meshtastic node to see its mesh.</source>
      <translation>选择一个正在运行的 Meshtastic 节点，查看它的网状网络。</translation>
    </message>
    <message>
      <source>Sent</source>
      <translation>已发送</translation>
    </message>
    <message>
      <source>Serial ports on this machine</source>
      <translation>本机串口</translation>
    </message>
    <message>
      <source>State</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Test</source>
      <translation>测试</translation>
    </message>
    <message>
      <source>Testing {port}…</source>
      <translation>正在测试 {port}…</translation>
    </message>
    <message>
      <source>The REYAX modem model printed on the module. It decides the network key's length: 32 hex digits on an RYLR896, 8 on an RYLR998.</source>
      <translation>模块上印的 REYAX 调制解调器型号。它决定网络密钥长度：RYLR896 为 32 位十六进制数字，RYLR998 为 8 位。</translation>
    </message>
    <message>
      <source>Type or pick a port to test.</source>
      <translation>输入或选择要测试的端口。</translation>
    </message>
    <message>
      <source>not open (restart the radio)</source>
      <translation>未打开（请重启无线电）</translation>
    </message>
    <message>
      <source>not running</source>
      <translation>未运行</translation>
    </message>
    <message>
      <source>{port}: answered +OK</source>
      <translation>{port}：已应答 +OK</translation>
    </message>
    <message>
      <source>{port}: no answer within a second</source>
      <translation type="vanished">{port}：一秒内无应答</translation>
    </message>
    <message>
      <source>{port}: {error}</source>
      <translation>{port}：{error}</translation>
    </message>
    <message>
      <source>{state}: {detail}</source>
      <translation>{state}：{detail}</translation>
    </message>
    <message>
      <source>…and here its latest debug log lines.</source>
      <translation>……这里显示它最新的调试日志。</translation>
    </message>
  </context>
  <context>
    <name>EmergencyAlarm</name>
    <message>
      <source>&amp;Acknowledge the alarm</source>
      <translation>确认告警(&amp;A)</translation>
    </message>
    <message>
      <source>&amp;Show the alarm's message</source>
      <translation>显示告警消息(&amp;S)</translation>
    </message>
    <message>
      <source>Alarm</source>
      <translation>警报</translation>
    </message>
    <message>
      <source>Alarm sound played ({kind}).</source>
      <translation>已播放警报声（{kind}）。</translation>
    </message>
    <message>
      <source>No EMERGENCY or PRIORITY message is waiting.</source>
      <translation>没有待处理的紧急或优先消息。</translation>
    </message>
    <message>
      <source>Nobody signed on here may acknowledge EMERGENCY traffic: {who} may. Sign on as one of them (File → Change operator…).</source>
      <translation>此处登录的人员均无权确认紧急通信：{who} 有权。请以其中一种身份登录（文件 → 更换值班员…）。</translation>
    </message>
    <message>
      <source>Sound off: this workstation has no audio device, alarms are visible only.</source>
      <translation>声音关闭：本工作站没有音频设备，警报仅可视。</translation>
    </message>
    <message>
      <source>Test alarm &amp;sound</source>
      <translation>测试警报声(&amp;S)</translation>
    </message>
    <message>
      <source>The message in the comms log, selected.</source>
      <translation>在通信日志中选中该消息。</translation>
    </message>
  </context>
  <context>
    <name>ExerciseBar</name>
    <message>
      <source>EXERCISE — records made now are a drill · live emergencies, alerts and incidents stay on top, marked LIVE</source>
      <translation>演练 — 现在生成的记录均为演练 · 实战紧急情况、警报和事件保持置顶，标记为“实战”</translation>
    </message>
    <message>
      <source>EXERCISE — {title}</source>
      <translation>演练 — {title}</translation>
    </message>
    <message>
      <source>End exercise…</source>
      <translation>结束演练…</translation>
    </message>
    <message>
      <source>Exercise</source>
      <translation>演练</translation>
    </message>
    <message>
      <source>Exercise mode: incidents, tasks and other records made on this console are marked as a drill. Traffic heard on real radios stays live unless it says EXERCISE; live emergencies, unacknowledged alerts and open live incidents stay in sight, marked LIVE.</source>
      <translation>演练模式：在本控制台生成的事件、任务和其他记录都标记为演练。真实电台收到的通信仍为实战，除非其中注明 EXERCISE；实战紧急情况、未确认警报和未关闭的实战事件保持可见，并标记为“实战”。</translation>
    </message>
    <message>
      <source>Only a supervisor can end the exercise.</source>
      <translation>只有主管可以结束演练。</translation>
    </message>
  </context>
  <context>
    <name>ExerciseView</name>
    <message>
      <source>LIVE</source>
      <translation>实战</translation>
    </message>
  </context>
  <context>
    <name>FeatureDocks</name>
    <message>
      <source>Alerts</source>
      <translation>警报</translation>
    </message>
    <message>
      <source>Residents</source>
      <translation>居民</translation>
    </message>
    <message>
      <source>Risk register</source>
      <translation>风险登记册</translation>
    </message>
    <message>
      <source>Shelters</source>
      <translation>避难场所</translation>
    </message>
  </context>
  <context>
    <name>FirstAdminDialog</name>
    <message>
      <source>&amp;Callsign:</source>
      <translation>呼号(&amp;C)：</translation>
    </message>
    <message>
      <source>&amp;Name:</source>
      <translation>名称(&amp;N)：</translation>
    </message>
    <message>
      <source>&amp;PIN (6–12 digits):</source>
      <translation>PIN 码(&amp;P)（6–12 位数字）：</translation>
    </message>
    <message>
      <source>PIN &amp;again:</source>
      <translation>再次输入 PIN 码(&amp;A)：</translation>
    </message>
    <message>
      <source>Set up the first administrator</source>
      <translation>设置第一位管理员</translation>
    </message>
    <message>
      <source>The two PINs differ.</source>
      <translation>两次输入的 PIN 码不一致。</translation>
    </message>
    <message>
      <source>This post has no operators yet. The first one is its administrator, who can then add the others.</source>
      <translation>本指挥所还没有值班员。第一位是管理员，之后可由其添加其他人员。</translation>
    </message>
  </context>
  <context>
    <name>GuardedDialog</name>
    <message>
      <source>Close</source>
      <translation>关闭</translation>
    </message>
    <message>
      <source>Discard</source>
      <translation>放弃</translation>
    </message>
    <message>
      <source>Discard what you typed?</source>
      <translation>放弃已输入的内容？</translation>
    </message>
    <message>
      <source>Keep editing</source>
      <translation>继续编辑</translation>
    </message>
    <message>
      <source>This form has changes that are not saved. Discard them?</source>
      <translation>此表单有未保存的更改。要放弃吗？</translation>
    </message>
  </context>
  <context>
    <name>Help</name>
    <message>
      <source>Database: {db}</source>
      <translation>数据库：{db}</translation>
    </message>
    <message>
      <source>Exercise mode (Exercise menu) keeps drill records apart; live emergencies stay on top, marked LIVE.</source>
      <translation>演练模式（“演练”菜单）将演练记录单独存放；实战紧急情况保持置顶，并标记为“实战”。</translation>
    </message>
    <message>
      <source>Guide and shortcuts</source>
      <translation>指南与快捷键</translation>
    </message>
    <message>
      <source>Incidents (left) and the Task board (right) are the picture of the emergency: Ctrl+I reports an incident, Ctrl+T creates a task, Ctrl+→ / Ctrl+← move the selected card.</source>
      <translation>事件（左）和任务看板（右）构成应急态势全貌：Ctrl+I 报告事件，Ctrl+T 新建任务，Ctrl+→ / Ctrl+← 移动选中的卡片。</translation>
    </message>
    <message>
      <source>Keyboard shortcuts</source>
      <translation>键盘快捷键</translation>
    </message>
    <message>
      <source>Log file: {log}</source>
      <translation>日志文件：{log}</translation>
    </message>
    <message>
      <source>Ops Console {version}</source>
      <translation>指挥所控制台 {version}</translation>
    </message>
    <message>
      <source>Radio: the comms log with the newest traffic on top. Type a message and press Enter to send. An EMERGENCY or MAYDAY raises an alarm bar above every panel, with Acknowledge.</source>
      <translation>无线电：通信日志，最新通信在最上方。输入消息并按 Enter 发送。紧急（EMERGENCY 或 MAYDAY）消息会在所有面板上方显示警报栏，并带有“确认”按钮。</translation>
    </message>
    <message>
      <source>Sign on with your name and PIN; File → Change operator… hands over at shift change.</source>
      <translation>用姓名和 PIN 码登录；交接班时使用“文件 → 更换值班员…”。</translation>
    </message>
    <message>
      <source>Sirens: a strip above every panel shows what sounds or is armed, with CANCEL ALL.</source>
      <translation>警报器：所有面板上方的横条显示正在鸣响或待命的警报器，并带有“取消全部”。</translation>
    </message>
    <message>
      <source>The Alerts dock lists everything that needs someone now; click the alert count in the status bar.</source>
      <translation>警报面板列出所有需要立即处理的事项；点击状态栏中的警报计数即可打开。</translation>
    </message>
    <message>
      <source>Using the console</source>
      <translation>使用控制台</translation>
    </message>
    <message>
      <source>View → Night theme darkens the console for a post at night; Ctrl+= and Ctrl+- make the text larger or smaller (Ctrl+0: normal); View → Language chooses English or 简体中文 from the next start.</source>
      <translation>“视图 → 夜间主题”为夜间的指挥所调暗控制台；Ctrl+= 和 Ctrl+- 放大或缩小文字（Ctrl+0：正常大小）；“视图 → 语言”可选择 English 或简体中文，下次启动时生效。</translation>
    </message>
    <message>
      <source>View → Reset layout brings every panel back; forms ask before throwing away what you typed.</source>
      <translation>“视图 → 重置布局”可恢复所有面板；表单在丢弃您输入的内容前会先询问。</translation>
    </message>
    <message>
      <source>Where things are</source>
      <translation>物品位置</translation>
    </message>
  </context>
  <context>
    <name>Ics213Dialog</name>
    <message>
      <source>Approved by</source>
      <translation>批准人</translation>
    </message>
    <message>
      <source>Call sign or ALL</source>
      <translation>呼号或 ALL</translation>
    </message>
    <message>
      <source>Composed at this post</source>
      <translation>在本指挥所编写</translation>
    </message>
    <message>
      <source>Date/Time</source>
      <translation>日期/时间</translation>
    </message>
    <message>
      <source>From</source>
      <translation>来自</translation>
    </message>
    <message>
      <source>ICS-213 General Message</source>
      <translation>ICS-213 通用消息</translation>
    </message>
    <message>
      <source>Message</source>
      <translation>消息</translation>
    </message>
    <message>
      <source>Precedence</source>
      <translation>优先等级</translation>
    </message>
    <message>
      <source>Print…</source>
      <translation>打印…</translation>
    </message>
    <message>
      <source>Received by radio from {station}, message {number}, {time}</source>
      <translation>经无线电收到，来自 {station}，消息 {number}，{time}</translation>
    </message>
    <message>
      <source>Reply</source>
      <translation>回复</translation>
    </message>
    <message>
      <source>Save ICS-213 as PDF</source>
      <translation>将 ICS-213 保存为 PDF</translation>
    </message>
    <message>
      <source>Save as PDF…</source>
      <translation>保存为 PDF…</translation>
    </message>
    <message>
      <source>Send</source>
      <translation>发送</translation>
    </message>
    <message>
      <source>Send reply</source>
      <translation>发送回复</translation>
    </message>
    <message>
      <source>Send to (radio)</source>
      <translation>发送至（电台）</translation>
    </message>
    <message>
      <source>Subject</source>
      <translation>主题</translation>
    </message>
    <message>
      <source>To</source>
      <translation>发往</translation>
    </message>
  </context>
  <context>
    <name>IncidentDialog</name>
    <message>
      <source>&amp;Kind:</source>
      <translation>类型(&amp;K)：</translation>
    </message>
    <message>
      <source>&amp;Location:</source>
      <translation>存放点(&amp;L)：</translation>
    </message>
    <message>
      <source>&amp;Notes:</source>
      <translation>备注(&amp;N)：</translation>
    </message>
    <message>
      <source>&amp;Reported at (local):</source>
      <translation>报告时间（本地）(&amp;R)：</translation>
    </message>
    <message>
      <source>&amp;Severity:</source>
      <translation>严重程度(&amp;S)：</translation>
    </message>
    <message>
      <source>&amp;Title:</source>
      <translation>标题(&amp;T)：</translation>
    </message>
    <message>
      <source>Caller, team or radio callsign (blank: you)</source>
      <translation>报告人、队伍或电台呼号（留空：您本人）</translation>
    </message>
    <message>
      <source>Coordinates:</source>
      <translation>坐标：</translation>
    </message>
    <message>
      <source>Edit incident #{id}</source>
      <translation>编辑事件 #{id}</translation>
    </message>
    <message>
      <source>Report a new incident</source>
      <translation>报告新事件</translation>
    </message>
    <message>
      <source>Reported &amp;by:</source>
      <translation>报告人(&amp;B)：</translation>
    </message>
    <message>
      <source>Restored what you were typing when the console closed.</source>
      <translation>已恢复控制台关闭时您正在输入的内容。</translation>
    </message>
    <message>
      <source>St&amp;atus:</source>
      <translation>状态(&amp;A)：</translation>
    </message>
    <message>
      <source>Street, landmark or grid reference</source>
      <translation>街道、地标或网格坐标</translation>
    </message>
    <message>
      <source>Type a number in degrees, like 47.3769, or leave it empty.</source>
      <translation>请输入度数，如 47.3769，或留空。</translation>
    </message>
    <message>
      <source>What is happening, in a few words</source>
      <translation>简要说明正在发生的情况</translation>
    </message>
    <message>
      <source>What was reported, who is affected, access, hazards</source>
      <translation>报告内容、受影响人员、通行情况、危险</translation>
    </message>
    <message>
      <source>latitude, e.g. 47.376900</source>
      <translation>纬度，例如 47.376900</translation>
    </message>
    <message>
      <source>longitude, e.g. 8.541700</source>
      <translation>经度，例如 8.541700</translation>
    </message>
  </context>
  <context>
    <name>IncidentTableModel</name>
    <message>
      <source>#</source>
      <translation>编号</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>类型</translation>
    </message>
    <message>
      <source>LIVE incident — real, not part of the exercise: {title}</source>
      <translation>实战事件 — 真实发生，不属于演练：{title}</translation>
    </message>
    <message>
      <source>Location</source>
      <translation>存放点</translation>
    </message>
    <message>
      <source>Reported</source>
      <translation>报告时间</translation>
    </message>
    <message>
      <source>Reported by</source>
      <translation>报告人</translation>
    </message>
    <message>
      <source>Severity</source>
      <translation>严重程度</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>标题</translation>
    </message>
  </context>
  <context>
    <name>IncidentsPanel</name>
    <message>
      <source>A viewer can read incidents but not change them.</source>
      <translation>查看者可以阅读事件，但不能修改。</translation>
    </message>
    <message>
      <source>All statuses</source>
      <translation>全部状态</translation>
    </message>
    <message>
      <source>Any severity</source>
      <translation>任意严重程度</translation>
    </message>
    <message>
      <source>Close</source>
      <translation type="vanished">关闭</translation>
    </message>
    <message>
      <source>Close…</source>
      <translation>关闭…</translation>
    </message>
    <message>
      <source>Edit…</source>
      <translation>编辑…</translation>
    </message>
    <message>
      <source>Incident #{id}</source>
      <translation>事件 #{id}</translation>
    </message>
    <message>
      <source>New incident…</source>
      <translation>新建事件…</translation>
    </message>
    <message>
      <source>New task for this incident</source>
      <translation>为此事件新建任务</translation>
    </message>
    <message>
      <source>Open ones (not closed)</source>
      <translation>未关闭的</translation>
    </message>
    <message>
      <source>Search title, place, notes  (Ctrl+F)</source>
      <translation>搜索标题、地点、备注  (Ctrl+F)</translation>
    </message>
    <message>
      <source>Select an incident in the list first.</source>
      <translation>请先在列表中选择一个事件。</translation>
    </message>
    <message>
      <source>This incident is closed.</source>
      <translation>此事件已关闭。</translation>
    </message>
    <message>
      <source>{level} or worse</source>
      <translation>{level} 或更严重</translation>
    </message>
    <message>
      <source>{n} shown</source>
      <translation>显示 {n} 条</translation>
    </message>
  </context>
  <context>
    <name>InventoryPanel</name>
    <message>
      <source>A viewer can read the stores but not ask for supplies.</source>
      <translation>查看者可以查看库存，但不能申请物资。</translation>
    </message>
    <message>
      <source>Adjust…</source>
      <translation>调整…</translation>
    </message>
    <message>
      <source>CSV files (*.csv *.txt)</source>
      <translation>CSV 文件 (*.csv *.txt)</translation>
    </message>
    <message>
      <source>CSV files (*.csv)</source>
      <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
      <source>Consume…</source>
      <translation>消耗…</translation>
    </message>
    <message>
      <source>Export as CSV</source>
      <translation>导出为 CSV</translation>
    </message>
    <message>
      <source>Export levels…</source>
      <translation>导出库存水平…</translation>
    </message>
    <message>
      <source>Export movements…</source>
      <translation>导出出入库记录…</translation>
    </message>
    <message>
      <source>Import a stock count</source>
      <translation>导入库存盘点</translation>
    </message>
    <message>
      <source>Import count…</source>
      <translation>导入盘点…</translation>
    </message>
    <message>
      <source>Issue…</source>
      <translation>发放…</translation>
    </message>
    <message>
      <source>New item…</source>
      <translation>新建物品…</translation>
    </message>
    <message>
      <source>New location…</source>
      <translation>新建存放点…</translation>
    </message>
    <message>
      <source>New request…</source>
      <translation>新建申请…</translation>
    </message>
    <message>
      <source>Only logistics staff, supervisors and administrators change the stores.</source>
      <translation>只有后勤人员、主管和管理员可以变更库存。</translation>
    </message>
    <message>
      <source>Receive…</source>
      <translation>接收…</translation>
    </message>
    <message>
      <source>Requests</source>
      <translation type="vanished">申请</translation>
    </message>
    <message>
      <source>Return…</source>
      <translation>归还…</translation>
    </message>
    <message>
      <source>Transfer…</source>
      <translation>调拨…</translation>
    </message>
    <message>
      <source>⚠ %1 below minimum · %2 expiring or expired · %3 open requests</source>
      <translation>⚠ %1 项低于最低量 · %2 项即将过期或已过期 · %3 个未处理申请</translation>
    </message>
    <message>
      <source>✔ All stock at or above minimum · %1 open requests</source>
      <translation>✔ 所有库存均不低于最低量 · %1 个未处理申请</translation>
    </message>
  </context>
  <context>
    <name>Labels</name>
    <message>
      <source>Active</source>
      <translation>处置中</translation>
    </message>
    <message>
      <source>Adjust</source>
      <translation>调整</translation>
    </message>
    <message>
      <source>Admin</source>
      <translation>管理员</translation>
    </message>
    <message>
      <source>Advisory</source>
      <translation>提示</translation>
    </message>
    <message>
      <source>Air pressure</source>
      <translation>气压</translation>
    </message>
    <message>
      <source>All clear</source>
      <translation>解除警报</translation>
    </message>
    <message>
      <source>Approved</source>
      <translation>已批准</translation>
    </message>
    <message>
      <source>Assigned</source>
      <translation>已分派</translation>
    </message>
    <message>
      <source>Available</source>
      <translation>待命</translation>
    </message>
    <message>
      <source>Below minimum</source>
      <translation>低于最低量</translation>
    </message>
    <message>
      <source>Below target</source>
      <translation>低于目标量</translation>
    </message>
    <message>
      <source>Blocked drain</source>
      <translation>排水堵塞</translation>
    </message>
    <message>
      <source>Cancelled</source>
      <translation>已取消</translation>
    </message>
    <message>
      <source>Chemical store</source>
      <translation>化学品仓库</translation>
    </message>
    <message>
      <source>Clock far off</source>
      <translation>时钟偏差过大</translation>
    </message>
    <message>
      <source>Closed</source>
      <translation>已关闭</translation>
    </message>
    <message>
      <source>Consume</source>
      <translation>消耗</translation>
    </message>
    <message>
      <source>Critical</source>
      <translation>危急</translation>
    </message>
    <message>
      <source>Custom</source>
      <translation>自定义</translation>
    </message>
    <message>
      <source>Denied</source>
      <translation>已拒绝</translation>
    </message>
    <message>
      <source>Depot</source>
      <translation>仓库</translation>
    </message>
    <message>
      <source>Dialysis</source>
      <translation>透析</translation>
    </message>
    <message>
      <source>Distance</source>
      <translation>距离</translation>
    </message>
    <message>
      <source>Done</source>
      <translation>已完成</translation>
    </message>
    <message>
      <source>Due</source>
      <translation>即将到时</translation>
    </message>
    <message>
      <source>Emergency</source>
      <translation>紧急</translation>
    </message>
    <message>
      <source>En route</source>
      <translation>在途</translation>
    </message>
    <message>
      <source>Evacuated</source>
      <translation>已疏散</translation>
    </message>
    <message>
      <source>Evacuation</source>
      <translation>疏散</translation>
    </message>
    <message>
      <source>Fire</source>
      <translation>火灾</translation>
    </message>
    <message>
      <source>Flood</source>
      <translation>洪水</translation>
    </message>
    <message>
      <source>Flood of readings</source>
      <translation>读数过多</translation>
    </message>
    <message>
      <source>Flood prone lane</source>
      <translation>易涝巷道</translation>
    </message>
    <message>
      <source>Flooding</source>
      <translation>内涝</translation>
    </message>
    <message>
      <source>Fulfilled</source>
      <translation>已满足</translation>
    </message>
    <message>
      <source>Full</source>
      <translation>已满</translation>
    </message>
    <message>
      <source>Gas resistance</source>
      <translation>气体电阻</translation>
    </message>
    <message>
      <source>Hazardous material</source>
      <translation>危险化学品</translation>
    </message>
    <message>
      <source>Hazmat</source>
      <translation>危险品</translation>
    </message>
    <message>
      <source>Hearing/sight</source>
      <translation>听力/视力障碍</translation>
    </message>
    <message>
      <source>High</source>
      <translation>高</translation>
    </message>
    <message>
      <source>Humidity</source>
      <translation>湿度</translation>
    </message>
    <message>
      <source>Illuminance</source>
      <translation>照度</translation>
    </message>
    <message>
      <source>Impossible value</source>
      <translation>不可能的数值</translation>
    </message>
    <message>
      <source>In progress</source>
      <translation>进行中</translation>
    </message>
    <message>
      <source>Indoor air quality</source>
      <translation>室内空气质量</translation>
    </message>
    <message>
      <source>Infant</source>
      <translation>婴幼儿</translation>
    </message>
    <message>
      <source>Issue</source>
      <translation>发放</translation>
    </message>
    <message>
      <source>Language</source>
      <translation>语言障碍</translation>
    </message>
    <message>
      <source>Level crossed upwards</source>
      <translation>超过阈值</translation>
    </message>
    <message>
      <source>Level fell back</source>
      <translation>回落至阈值以下</translation>
    </message>
    <message>
      <source>Logistics</source>
      <translation>后勤</translation>
    </message>
    <message>
      <source>Low</source>
      <translation>低</translation>
    </message>
    <message>
      <source>Medical</source>
      <translation>医疗</translation>
    </message>
    <message>
      <source>Medium</source>
      <translation>中</translation>
    </message>
    <message>
      <source>Minor</source>
      <translation>轻微</translation>
    </message>
    <message>
      <source>Missing person</source>
      <translation>人员失踪</translation>
    </message>
    <message>
      <source>Mobility</source>
      <translation>行动不便</translation>
    </message>
    <message>
      <source>Moderate</source>
      <translation>中等</translation>
    </message>
    <message>
      <source>Monitoring</source>
      <translation>监视中</translation>
    </message>
    <message>
      <source>Needs transport</source>
      <translation>需要转运</translation>
    </message>
    <message>
      <source>New</source>
      <translation>新建</translation>
    </message>
    <message>
      <source>No threshold</source>
      <translation>无阈值</translation>
    </message>
    <message>
      <source>None</source>
      <translation>无</translation>
    </message>
    <message>
      <source>Normal</source>
      <translation>普通</translation>
    </message>
    <message>
      <source>Not found</source>
      <translation>未找到</translation>
    </message>
    <message>
      <source>Notice</source>
      <translation>通知</translation>
    </message>
    <message>
      <source>OK</source>
      <translation>确定</translation>
    </message>
    <message>
      <source>Old building</source>
      <translation>老旧建筑</translation>
    </message>
    <message>
      <source>On scene</source>
      <translation>在现场</translation>
    </message>
    <message>
      <source>Open</source>
      <translation>未处理</translation>
    </message>
    <message>
      <source>Open</source>
      <comment>shelter status</comment>
      <translation>开放</translation>
    </message>
    <message>
      <source>Operator</source>
      <translation>值班员</translation>
    </message>
    <message>
      <source>Other</source>
      <translation>其他</translation>
    </message>
    <message>
      <source>Out of service</source>
      <translation>停用</translation>
    </message>
    <message>
      <source>Out of stock</source>
      <translation>缺货</translation>
    </message>
    <message>
      <source>Overdue</source>
      <translation>已超时</translation>
    </message>
    <message>
      <source>Oxygen</source>
      <translation>吸氧</translation>
    </message>
    <message>
      <source>Partly fulfilled</source>
      <translation>部分满足</translation>
    </message>
    <message>
      <source>Planned</source>
      <translation>计划中</translation>
    </message>
    <message>
      <source>Power line</source>
      <translation>电力线路</translation>
    </message>
    <message>
      <source>Power outage</source>
      <translation>停电</translation>
    </message>
    <message>
      <source>Priority</source>
      <translation>优先</translation>
    </message>
    <message>
      <source>Radiation</source>
      <translation>辐射</translation>
    </message>
    <message>
      <source>Radio</source>
      <translation>无线电</translation>
    </message>
    <message>
      <source>Rain gauge</source>
      <translation>雨量计</translation>
    </message>
    <message>
      <source>Rain in 24 h</source>
      <translation>24 小时降雨量</translation>
    </message>
    <message>
      <source>Rate of rise</source>
      <translation>上涨速率</translation>
    </message>
    <message>
      <source>Receive</source>
      <translation>接收</translation>
    </message>
    <message>
      <source>Requested</source>
      <translation>已申请</translation>
    </message>
    <message>
      <source>Resting</source>
      <translation>休整</translation>
    </message>
    <message>
      <source>Return</source>
      <translation>归还</translation>
    </message>
    <message>
      <source>Road blocked</source>
      <translation>道路阻断</translation>
    </message>
    <message>
      <source>Routine</source>
      <translation>常规</translation>
    </message>
    <message>
      <source>Serious</source>
      <translation>严重</translation>
    </message>
    <message>
      <source>Shelter</source>
      <translation>避难场所</translation>
    </message>
    <message>
      <source>Silent</source>
      <translation>无读数</translation>
    </message>
    <message>
      <source>Slope</source>
      <translation>边坡</translation>
    </message>
    <message>
      <source>Smoke / air</source>
      <translation>烟雾/空气</translation>
    </message>
    <message>
      <source>Soil moisture</source>
      <translation>土壤湿度</translation>
    </message>
    <message>
      <source>Soil temperature</source>
      <translation>土壤温度</translation>
    </message>
    <message>
      <source>Staying</source>
      <translation>留守</translation>
    </message>
    <message>
      <source>Structural</source>
      <translation>建筑结构</translation>
    </message>
    <message>
      <source>Supervisor</source>
      <translation>主管</translation>
    </message>
    <message>
      <source>Team kit</source>
      <translation>队伍装备</translation>
    </message>
    <message>
      <source>Temperature</source>
      <translation>温度</translation>
    </message>
    <message>
      <source>Transfer</source>
      <translation>调拨</translation>
    </message>
    <message>
      <source>Tree</source>
      <translation>树木</translation>
    </message>
    <message>
      <source>Typhoon</source>
      <translation>台风</translation>
    </message>
    <message>
      <source>Unaccounted</source>
      <translation>未清点</translation>
    </message>
    <message>
      <source>Unknown sensor</source>
      <translation>未知传感器</translation>
    </message>
    <message>
      <source>Urgent</source>
      <translation>紧急</translation>
    </message>
    <message>
      <source>Vehicle</source>
      <translation>车辆</translation>
    </message>
    <message>
      <source>Very high</source>
      <translation>很高</translation>
    </message>
    <message>
      <source>Viewer</source>
      <translation>查看者</translation>
    </message>
    <message>
      <source>Warning</source>
      <translation>预警</translation>
    </message>
    <message>
      <source>Water level</source>
      <translation>水位</translation>
    </message>
    <message>
      <source>Weight</source>
      <translation>重量</translation>
    </message>
    <message>
      <source>Welfare</source>
      <translation>生活保障</translation>
    </message>
    <message>
      <source>Wind</source>
      <translation>风速</translation>
    </message>
    <message>
      <source>Wind direction</source>
      <translation>风向</translation>
    </message>
    <message>
      <source>Wind gust</source>
      <translation>阵风</translation>
    </message>
    <message>
      <source>—</source>
      <translation>—</translation>
    </message>
  </context>
  <context>
    <name>LevelChart</name>
    <message>
      <source>Level</source>
      <translation>水平</translation>
    </message>
    <message>
      <source>Minimum</source>
      <translation>最低量</translation>
    </message>
    <message>
      <source>On hand</source>
      <translation>现有</translation>
    </message>
    <message>
      <source>Select a row to see its level over time</source>
      <translation>选择一行以查看其库存随时间的变化</translation>
    </message>
    <message>
      <source>Show all</source>
      <translation>全部显示</translation>
    </message>
    <message>
      <source>Show the whole history (the chart opens on the last four weeks)</source>
      <translation>显示全部历史（图表默认显示最近四周）</translation>
    </message>
    <message>
      <source>Target</source>
      <translation>目标量</translation>
    </message>
  </context>
  <context>
    <name>LinkStrip</name>
    <message>
      <source>Closed</source>
      <translation>已关闭</translation>
    </message>
    <message>
      <source>Configuring</source>
      <translation>正在配置</translation>
    </message>
    <message>
      <source>Key refused: not sending</source>
      <translation>密钥被拒绝：不发送</translation>
    </message>
    <message>
      <source>Link down</source>
      <translation>链路中断</translation>
    </message>
    <message>
      <source>No radio</source>
      <translation>无电台</translation>
    </message>
    <message>
      <source>No radio configured. Start with --device lora:PORT, --device meshtastic:PORT or --demo.</source>
      <translation>未配置电台。请使用 --device lora:端口、--device meshtastic:端口 或 --demo 启动。</translation>
    </message>
    <message>
      <source>Not responding</source>
      <translation>无响应</translation>
    </message>
    <message>
      <source>Opening the radios…</source>
      <translation>正在打开电台…</translation>
    </message>
    <message>
      <source>Ready</source>
      <translation>就绪</translation>
    </message>
    <message>
      <source>Starting</source>
      <translation>正在启动</translation>
    </message>
    <message>
      <source>{name} on {port}: heard {frames} · stored {stored} · invalid {invalid} · sent {sent} · errors {errors}</source>
      <translation>{name}（{port}）：收到 {frames} · 已存储 {stored} · 无效 {invalid} · 已发送 {sent} · 错误 {errors}</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <source>&amp;About Ops Console</source>
      <translation>关于指挥所控制台(&amp;A)</translation>
    </message>
    <message>
      <source>&amp;Alarm</source>
      <translation>紧急告警(&amp;A)</translation>
    </message>
    <message>
      <source>&amp;Change operator…</source>
      <translation>更换值班员(&amp;C)…</translation>
    </message>
    <message>
      <source>&amp;Export current panel…</source>
      <translation>导出当前面板(&amp;E)…</translation>
    </message>
    <message>
      <source>&amp;File</source>
      <translation>文件(&amp;F)</translation>
    </message>
    <message>
      <source>&amp;Find in current panel</source>
      <translation>在当前面板中查找(&amp;F)</translation>
    </message>
    <message>
      <source>&amp;Guide and shortcuts</source>
      <translation>指南与快捷键(&amp;G)</translation>
    </message>
    <message>
      <source>&amp;Help</source>
      <translation>帮助(&amp;H)</translation>
    </message>
    <message>
      <source>&amp;Quit</source>
      <translation>退出(&amp;Q)</translation>
    </message>
    <message>
      <source>&amp;Records</source>
      <translation>记录(&amp;R)</translation>
    </message>
    <message>
      <source>&amp;Reports and forms…</source>
      <translation>报告和表格(&amp;R)…</translation>
    </message>
    <message>
      <source>&amp;Reset layout</source>
      <translation>重置布局(&amp;R)</translation>
    </message>
    <message>
      <source>&amp;View</source>
      <translation>视图(&amp;V)</translation>
    </message>
    <message>
      <source>About Ops Console</source>
      <translation>关于指挥所控制台</translation>
    </message>
    <message>
      <source>Activity log</source>
      <translation>活动日志</translation>
    </message>
    <message>
      <source>E&amp;xercise</source>
      <translation>演练(&amp;X)</translation>
    </message>
    <message>
      <source>Export {panel}</source>
      <translation>导出{panel}</translation>
    </message>
    <message>
      <source>Incidents</source>
      <translation>事件</translation>
    </message>
    <message>
      <source>Inventory</source>
      <translation>物资</translation>
    </message>
    <message>
      <source>Map</source>
      <translation>地图</translation>
    </message>
    <message>
      <source>New &amp;incident…</source>
      <translation>新建事件(&amp;I)…</translation>
    </message>
    <message>
      <source>New &amp;log line</source>
      <translation>新建日志条目(&amp;L)</translation>
    </message>
    <message>
      <source>New &amp;task…</source>
      <translation>新建任务(&amp;T)…</translation>
    </message>
    <message>
      <source>Ops Console {version}

The offline-first console of a community emergency command post. Everything is stored on this post's own database first.</source>
      <translation>指挥所控制台 {version}

社区应急指挥所的离线优先控制台。所有数据首先保存在本指挥所自己的数据库中。</translation>
    </message>
    <message>
      <source>Radio</source>
      <translation>无线电</translation>
    </message>
    <message>
      <source>Radio &amp;devices…</source>
      <translation>无线电设备(&amp;D)…</translation>
    </message>
    <message>
      <source>Sensors</source>
      <translation>传感器</translation>
    </message>
    <message>
      <source>Sign on with a role that may edit: a viewer reads the records but does not add to them.</source>
      <translation>请以可编辑的角色登录：查看者只能阅读记录，不能添加。</translation>
    </message>
    <message>
      <source>Sirens</source>
      <translation>警报器</translation>
    </message>
    <message>
      <source>Task board</source>
      <translation>任务看板</translation>
    </message>
    <message>
      <source>Team board</source>
      <translation>队伍看板</translation>
    </message>
    <message>
      <source>Volunteers</source>
      <translation>志愿者</translation>
    </message>
    <message>
      <source>Warnings</source>
      <translation>预警</translation>
    </message>
    <message>
      <source>demo post</source>
      <translation>演示指挥所</translation>
    </message>
    <message>
      <source>{n} rows of {panel} written to {path}</source>
      <translation>{panel} 的 {n} 行已写入 {path}</translation>
    </message>
  </context>
  <context>
    <name>Map</name>
    <message>
      <source> (+{n} more, see log)</source>
      <translation> （另有 {n} 条，见日志）</translation>
    </message>
    <message>
      <source> OVER by {n}</source>
      <translation> 超出 {n}</translation>
    </message>
    <message>
      <source> days</source>
      <translation> 天</translation>
    </message>
    <message>
      <source> — {n} over</source>
      <translation> — 超出 {n}</translation>
    </message>
    <message>
      <source>A viewer can read the map but not add to it: sign on as an operator to draw zones or add records (File → Change operator…).</source>
      <translation>查看者可以阅读地图，但不能在上面添加：请以操作员身份登录后再绘制区域或添加记录（文件 → 更换值班员…）。</translation>
    </message>
    <message>
      <source>A viewer can read the risk register but not change it.</source>
      <translation>查看者可以查看风险登记册，但不能修改。</translation>
    </message>
    <message>
      <source>A viewer can read the shelters but not change them.</source>
      <translation>查看者可以查看避难所，但不能修改。</translation>
    </message>
    <message>
      <source>Add risk point here…</source>
      <translation>在此添加风险点…</translation>
    </message>
    <message>
      <source>Add shelter here…</source>
      <translation>在此添加避难场所…</translation>
    </message>
    <message>
      <source>Capacity</source>
      <translation>容量</translation>
    </message>
    <message>
      <source>Centre here</source>
      <translation>以此为中心</translation>
    </message>
    <message>
      <source>Circle zone</source>
      <translation>圆形区域</translation>
    </message>
    <message>
      <source>Circle: where the siren can be heard</source>
      <translation>圆圈：可听到警报器的范围</translation>
    </message>
    <message>
      <source>Contact</source>
      <translation>联系方式</translation>
    </message>
    <message>
      <source>Copy coordinates</source>
      <translation>复制坐标</translation>
    </message>
    <message>
      <source>Demo basemap: fictional Willow Creek ward</source>
      <translation>演示底图：虚构的柳溪街区</translation>
    </message>
    <message>
      <source>Disabled</source>
      <translation>已停用</translation>
    </message>
    <message>
      <source>Draw zone</source>
      <translation>绘制区域</translation>
    </message>
    <message>
      <source>Edit risk point</source>
      <translation>编辑风险点</translation>
    </message>
    <message>
      <source>Edit shelter</source>
      <translation>编辑避难场所</translation>
    </message>
    <message>
      <source>Edit…</source>
      <translation>编辑…</translation>
    </message>
    <message>
      <source>Evacuation zone</source>
      <translation>疏散区</translation>
    </message>
    <message>
      <source>Facilities</source>
      <translation>设施</translation>
    </message>
    <message>
      <source>Find a place, record or 30.26, 120.17</source>
      <translation>查找地点、记录或坐标 30.26, 120.17</translation>
    </message>
    <message>
      <source>Finding</source>
      <translation>检查结果</translation>
    </message>
    <message>
      <source>Free</source>
      <translation>空余</translation>
    </message>
    <message>
      <source>Give the map the legend's room</source>
      <translation>把图例的位置让给地图</translation>
    </message>
    <message>
      <source>Hide legend ▸</source>
      <translation>隐藏图例 ▸</translation>
    </message>
    <message>
      <source>Incident</source>
      <translation>事件</translation>
    </message>
    <message>
      <source>Incidents</source>
      <translation>事件</translation>
    </message>
    <message>
      <source>Inspect every</source>
      <translation>检查周期</translation>
    </message>
    <message>
      <source>Inspection due</source>
      <translation>待检查</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>类型</translation>
    </message>
    <message>
      <source>Last heard</source>
      <translation>最后收听</translation>
    </message>
    <message>
      <source>Last position</source>
      <translation>最后位置</translation>
    </message>
    <message>
      <source>Latitude</source>
      <translation>纬度</translation>
    </message>
    <message>
      <source>Level</source>
      <translation>水平</translation>
    </message>
    <message>
      <source>Level now</source>
      <translation>当前水平</translation>
    </message>
    <message>
      <source>Log inspection: {name}</source>
      <translation>记录检查：{name}</translation>
    </message>
    <message>
      <source>Log inspection…</source>
      <translation>记录检查…</translation>
    </message>
    <message>
      <source>Longitude</source>
      <translation>经度</translation>
    </message>
    <message>
      <source>Measure</source>
      <translation>测量</translation>
    </message>
    <message>
      <source>Mitigation</source>
      <translation>防范措施</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>名称</translation>
    </message>
    <message>
      <source>New risk point</source>
      <translation>新建风险点</translation>
    </message>
    <message>
      <source>New shelter</source>
      <translation>新建避难场所</translation>
    </message>
    <message>
      <source>New task here…</source>
      <translation>在此新建任务…</translation>
    </message>
    <message>
      <source>New zone</source>
      <translation>新建区域</translation>
    </message>
    <message>
      <source>No team</source>
      <translation>无队伍</translation>
    </message>
    <message>
      <source>Notes</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>Nothing on the map is called “{text}”.</source>
      <translation>地图上没有名为“{text}”的对象。</translation>
    </message>
    <message>
      <source>OVERDUE</source>
      <translation>逾期</translation>
    </message>
    <message>
      <source>OVERDUE </source>
      <translation>逾期 </translation>
    </message>
    <message>
      <source>Occupancy</source>
      <translation>入住人数</translation>
    </message>
    <message>
      <source>Over capacity</source>
      <translation>超出容量</translation>
    </message>
    <message>
      <source>Pan</source>
      <translation>平移</translation>
    </message>
    <message>
      <source>People</source>
      <translation>人员</translation>
    </message>
    <message>
      <source>People now:</source>
      <translation>当前人数：</translation>
    </message>
    <message>
      <source>Radio</source>
      <translation>无线电</translation>
    </message>
    <message>
      <source>Reading at</source>
      <translation>读数时间</translation>
    </message>
    <message>
      <source>Record {n}</source>
      <translation>记录 {n}</translation>
    </message>
    <message>
      <source>Report incident here…</source>
      <translation>在此报告事件…</translation>
    </message>
    <message>
      <source>Reported</source>
      <translation>报告时间</translation>
    </message>
    <message>
      <source>Resident</source>
      <translation>居民</translation>
    </message>
    <message>
      <source>Residents who need help</source>
      <translation>需要帮助的居民</translation>
    </message>
    <message>
      <source>Risk</source>
      <translation>风险</translation>
    </message>
    <message>
      <source>Risk point</source>
      <translation>风险点</translation>
    </message>
    <message>
      <source>Risk points</source>
      <translation>风险点</translation>
    </message>
    <message>
      <source>Risk, inspection overdue (red edge)</source>
      <translation>风险点，检查逾期（红色边框）</translation>
    </message>
    <message>
      <source>Select a risk point in the list first.</source>
      <translation>请先在列表中选择一个风险点。</translation>
    </message>
    <message>
      <source>Select a shelter in the list first.</source>
      <translation>请先在列表中选择一个避难所。</translation>
    </message>
    <message>
      <source>Sensor</source>
      <translation>传感器</translation>
    </message>
    <message>
      <source>Sensor, latest value</source>
      <translation>传感器，最新读数</translation>
    </message>
    <message>
      <source>Sensor, no reading for 30 min</source>
      <translation>传感器，30 分钟无读数</translation>
    </message>
    <message>
      <source>Sensors (latest value)</source>
      <translation>传感器（最新读数）</translation>
    </message>
    <message>
      <source>Set</source>
      <translation>设置</translation>
    </message>
    <message>
      <source>Shelter</source>
      <translation>避难场所</translation>
    </message>
    <message>
      <source>Shelter closed</source>
      <translation>避难场所已关闭</translation>
    </message>
    <message>
      <source>Shelter full</source>
      <translation>避难场所已满</translation>
    </message>
    <message>
      <source>Shelter open (dark = share taken)</source>
      <translation>避难场所开放（深色 = 已占比例）</translation>
    </message>
    <message>
      <source>Shelters</source>
      <translation>避难场所</translation>
    </message>
    <message>
      <source>Show all</source>
      <translation>全部显示</translation>
    </message>
    <message>
      <source>Siren comms lost or state unknown</source>
      <translation>警报器通信中断或状态未知</translation>
    </message>
    <message>
      <source>Siren fault</source>
      <translation>警报器故障</translation>
    </message>
    <message>
      <source>Siren idle</source>
      <translation>警报器空闲</translation>
    </message>
    <message>
      <source>Siren sounding</source>
      <translation>警报器正在鸣响</translation>
    </message>
    <message>
      <source>Siren testing</source>
      <translation>警报器测试中</translation>
    </message>
    <message>
      <source>Sirens (audible area)</source>
      <translation>警报器（可听范围）</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Streets and buildings</source>
      <translation>街道与建筑</translation>
    </message>
    <message>
      <source>Task</source>
      <translation>任务</translation>
    </message>
    <message>
      <source>Tasks</source>
      <translation>任务</translation>
    </message>
    <message>
      <source>Team, last position</source>
      <translation>队伍，最后位置</translation>
    </message>
    <message>
      <source>Team, no report for 15 min</source>
      <translation>队伍，15 分钟未报告</translation>
    </message>
    <message>
      <source>Teams (last position)</source>
      <translation>队伍（最后位置）</translation>
    </message>
    <message>
      <source>The map's layers and what each symbol means</source>
      <translation>地图的图层及各符号的含义</translation>
    </message>
    <message>
      <source>Track: last 10 reported positions</source>
      <translation>轨迹：最近 10 个报告位置</translation>
    </message>
    <message>
      <source>Warning zone</source>
      <translation>预警区</translation>
    </message>
    <message>
      <source>What residents must do</source>
      <translation>居民须采取的行动</translation>
    </message>
    <message>
      <source>Zones</source>
      <translation>区域</translation>
    </message>
    <message>
      <source>Zoom in</source>
      <translation>放大</translation>
    </message>
    <message>
      <source>Zoom out</source>
      <translation>缩小</translation>
    </message>
    <message>
      <source>audible</source>
      <translation>可听见</translation>
    </message>
    <message>
      <source>beds, kitchen, accessible toilets, generator</source>
      <translation>床位、厨房、无障碍厕所、发电机</translation>
    </message>
    <message>
      <source>corners</source>
      <translation>个角点</translation>
    </message>
    <message>
      <source>free</source>
      <translation>空余</translation>
    </message>
    <message>
      <source>mitigation</source>
      <translation>防范措施</translation>
    </message>
    <message>
      <source>never</source>
      <translation>从未</translation>
    </message>
    <message>
      <source>node</source>
      <translation>节点</translation>
    </message>
    <message>
      <source>people</source>
      <translation>人</translation>
    </message>
    <message>
      <source>radius</source>
      <translation>半径</translation>
    </message>
    <message>
      <source>zone</source>
      <translation>区域</translation>
    </message>
    <message>
      <source>{name} does not cover this area (Show all brings it into view)</source>
      <translation>{name} 不覆盖此区域（“全部显示”可将其移入视野）</translation>
    </message>
    <message>
      <source>{name} has places for {cap}. Record {n} people there anyway ({over} over capacity)?</source>
      <translation>{name} 可容纳 {cap} 人。仍要记录 {n} 人吗（超出容量 {over} 人）？</translation>
    </message>
    <message>
      <source>{name} is not drawn this far out: zoom in (it has zoom levels {lo}–{hi})</source>
      <translation>{name} 在此缩放级别下不显示：请放大（其缩放级别为 {lo}–{hi}）</translation>
    </message>
    <message>
      <source>{n} map features skipped in {name} (see log)</source>
      <translation>{name} 中跳过了 {n} 个地图要素（见日志）</translation>
    </message>
    <message>
      <source>{n} risk points, {o} overdue</source>
      <translation>{n} 个风险点，{o} 个逾期</translation>
    </message>
    <message>
      <source>◂ Legend</source>
      <translation>◂ 图例</translation>
    </message>
  </context>
  <context>
    <name>MessageReading</name>
    <message>
      <source>Reply</source>
      <translation>回复</translation>
    </message>
  </context>
  <context>
    <name>Messages</name>
    <message>
      <source>Cannot do that</source>
      <translation>无法执行</translation>
    </message>
    <message>
      <source>Changed by someone else</source>
      <translation>已被他人修改</translation>
    </message>
    <message>
      <source>Database problem</source>
      <translation>数据库问题</translation>
    </message>
    <message>
      <source>Error</source>
      <translation>错误</translation>
    </message>
    <message>
      <source>Field: yours → stored now</source>
      <translation>字段：您的值 → 当前保存的值</translation>
    </message>
    <message>
      <source>Not allowed</source>
      <translation>不允许</translation>
    </message>
    <message>
      <source>Nothing was overwritten. The list now shows the stored version; open it again to apply your change on top of it.</source>
      <translation>没有覆盖任何内容。列表现在显示已保存的版本；请再次打开，在其基础上重新修改。</translation>
    </message>
    <message>
      <source>Please check the form</source>
      <translation>请检查表单</translation>
    </message>
    <message>
      <source>Record gone</source>
      <translation>记录已不存在</translation>
    </message>
  </context>
  <context>
    <name>MovementDialog</name>
    <message>
      <source> stock</source>
      <translation> 库存</translation>
    </message>
    <message>
      <source>Add (+)</source>
      <translation>添加 (+)</translation>
    </message>
    <message>
      <source>At</source>
      <translation>时间</translation>
    </message>
    <message>
      <source>Barcode</source>
      <translation>条码</translation>
    </message>
    <message>
      <source>Direction</source>
      <translation>方向</translation>
    </message>
    <message>
      <source>From</source>
      <translation>来自</translation>
    </message>
    <message>
      <source>Fulfil request #%1</source>
      <translation>满足申请 #%1</translation>
    </message>
    <message>
      <source>Incident</source>
      <translation>事件</translation>
    </message>
    <message>
      <source>Item</source>
      <translation>物品</translation>
    </message>
    <message>
      <source>Lot</source>
      <translation>批次</translation>
    </message>
    <message>
      <source>Movement</source>
      <translation>出入库</translation>
    </message>
    <message>
      <source>No item has the barcode or name “%1”.</source>
      <translation>没有条码或名称为“%1”的物品。</translation>
    </message>
    <message>
      <source>No location has this item in stock.</source>
      <translation>没有存放点有此物品的库存。</translation>
    </message>
    <message>
      <source>Quantity</source>
      <translation>数量</translation>
    </message>
    <message>
      <source>Reason</source>
      <translation>原因</translation>
    </message>
    <message>
      <source>Remove (−)</source>
      <translation>移除 (−)</translation>
    </message>
    <message>
      <source>Request</source>
      <translation>申请</translation>
    </message>
    <message>
      <source>Scan a barcode or type a name, then Enter</source>
      <translation>扫描条码或输入名称，然后按 Enter</translation>
    </message>
    <message>
      <source>Team</source>
      <translation>队伍</translation>
    </message>
    <message>
      <source>To</source>
      <translation>发往</translation>
    </message>
    <message>
      <source>— no incident —</source>
      <translation>— 无事件 —</translation>
    </message>
    <message>
      <source>— no team —</source>
      <translation>— 无队伍 —</translation>
    </message>
  </context>
  <context>
    <name>PatternTimeline</name>
    <message>
      <source>growl</source>
      <translation>低吼音</translation>
    </message>
    <message>
      <source>hi</source>
      <translation>高音</translation>
    </message>
    <message>
      <source>lo</source>
      <translation>低音</translation>
    </message>
    <message>
      <source>rise fall</source>
      <translation>升降音</translation>
    </message>
    <message>
      <source>rotate</source>
      <translation>旋转</translation>
    </message>
    <message>
      <source>steady</source>
      <translation>稳定音</translation>
    </message>
    <message>
      <source>wavering</source>
      <translation>波动音</translation>
    </message>
  </context>
  <context>
    <name>PostStatusBar</name>
    <message>
      <source> (demo post)</source>
      <translation> （演示指挥所）</translation>
    </message>
    <message>
      <source>, {c} critical</source>
      <translation>，其中 {c} 个危急</translation>
    </message>
    <message>
      <source>Database reachable again.</source>
      <translation>数据库已恢复连接。</translation>
    </message>
    <message>
      <source>Database unreachable: {words}</source>
      <translation>无法连接数据库：{words}</translation>
    </message>
    <message>
      <source>Database: {name}</source>
      <translation>数据库：{name}</translation>
    </message>
    <message>
      <source>EXERCISE</source>
      <translation>演练</translation>
    </message>
    <message>
      <source>Exercise mode: records made here are marked as a drill</source>
      <translation>演练模式：此处生成的记录标记为演练</translation>
    </message>
    <message>
      <source>Local time zone: {zone}</source>
      <translation>本地时区：{zone}</translation>
    </message>
    <message>
      <source>Local {local}   ·   UTC {utc}</source>
      <translation>本地 {local}   ·   UTC {utc}</translation>
    </message>
    <message>
      <source>Nobody signed on — editing is locked</source>
      <translation>无人登录 — 编辑已锁定</translation>
    </message>
    <message>
      <source>Open alerts of the post — click to show the list</source>
      <translation>本指挥所未处理的警报 — 点击显示列表</translation>
    </message>
    <message>
      <source>Operator: {name} ({role})</source>
      <translation>值班员：{name}（{role}）</translation>
    </message>
    <message>
      <source>⚠ {n} alert(s)</source>
      <translation>⚠ {n} 个警报</translation>
    </message>
  </context>
  <context>
    <name>QuitGuard</name>
    <message>
      <source>If this console quits now:</source>
      <translation>如果本控制台现在退出：</translation>
    </message>
    <message>
      <source>Keep running</source>
      <translation>继续运行</translation>
    </message>
    <message>
      <source>Quit Ops Console?</source>
      <translation>退出指挥所控制台？</translation>
    </message>
    <message>
      <source>Quit now</source>
      <translation>立即退出</translation>
    </message>
  </context>
  <context>
    <name>RadioPanel</name>
    <message>
      <source>A radio that sends plain text cannot read the console's messages: answer it by voice.</source>
      <translation>发送纯文本的电台无法读取控制台发出的消息：请用语音回复。</translation>
    </message>
    <message>
      <source>Acknowledge: stops the alarm at every workstation (recorded in the audit log)</source>
      <translation>确认：在所有工作站停止警报（记入审计日志）</translation>
    </message>
    <message>
      <source>All precedences</source>
      <translation>全部优先等级</translation>
    </message>
    <message>
      <source>Answer this message: the message box below is addressed to {call}</source>
      <translation>回复此消息：下方的消息框将发给 {call}</translation>
    </message>
    <message>
      <source>Emergency</source>
      <translation>紧急</translation>
    </message>
    <message>
      <source>Emergency + priority</source>
      <translation>紧急 + 优先</translation>
    </message>
    <message>
      <source>ICS-213…</source>
      <translation>ICS-213…</translation>
    </message>
    <message>
      <source>In and out</source>
      <translation>收发全部</translation>
    </message>
    <message>
      <source>New traffic waits while you point at or select a row, so the row does not move under the pointer. Click to show it.</source>
      <translation>当您指向或选中某行时，新通信会暂缓显示，以免该行在指针下移动。点击即可显示。</translation>
    </message>
    <message>
      <source>Only a received message is filed from here.</source>
      <translation>此处只能归档收到的消息。</translation>
    </message>
    <message>
      <source>Only radio operators, supervisors and administrators handle radio traffic.</source>
      <translation>只有无线电操作员、主管和管理员可以处理无线电通信。</translation>
    </message>
    <message>
      <source>Received</source>
      <translation>已收到</translation>
    </message>
    <message>
      <source>Record this message as a resource request (item, quantity, where)</source>
      <translation>将此消息记录为资源申请（物品、数量、地点）</translation>
    </message>
    <message>
      <source>Resend</source>
      <translation>重发</translation>
    </message>
    <message>
      <source>Search messages, calls  (Ctrl+F)</source>
      <translation>搜索消息、呼号  (Ctrl+F)</translation>
    </message>
    <message>
      <source>Select a received message in the log first.</source>
      <translation>请先在日志中选择一条收到的消息。</translation>
    </message>
    <message>
      <source>Selected message:</source>
      <translation>选中的消息：</translation>
    </message>
    <message>
      <source>Send the selected message again, with fresh attempts</source>
      <translation>重新发送所选消息（重新计算尝试次数）</translation>
    </message>
    <message>
      <source>Sent</source>
      <translation>已发送</translation>
    </message>
    <message>
      <source>This message is filed already.</source>
      <translation>此消息已归档。</translation>
    </message>
    <message>
      <source>This message is on its way or was delivered.</source>
      <translation>这条消息正在发送或已送达。</translation>
    </message>
    <message>
      <source>Unacknowledged alerts</source>
      <translation>未确认的警报</translation>
    </message>
    <message>
      <source>Write an ICS-213 General Message, or open the selected one to print or answer it</source>
      <translation>撰写 ICS-213 通用消息，或打开选中的消息以打印或回复</translation>
    </message>
    <message>
      <source>{n} new ↑</source>
      <translation>{n} 条新消息 ↑</translation>
    </message>
    <message>
      <source>→ Incident</source>
      <translation>→ 事件</translation>
    </message>
    <message>
      <source>→ Log line</source>
      <translation>→ 日志条目</translation>
    </message>
    <message>
      <source>→ Request</source>
      <translation>→ 申请</translation>
    </message>
    <message>
      <source>→ Task</source>
      <translation>→ 任务</translation>
    </message>
  </context>
  <context>
    <name>RadioSideTabs</name>
    <message>
      <source> — budget spent, next slot in {s} s</source>
      <translation> — 发射时长已用完，{s} 秒后有下一个时隙</translation>
    </message>
    <message>
      <source> — waiting for the radio link</source>
      <translation> — 正在等待无线电链路</translation>
    </message>
    <message>
      <source>A message is sent again only once it failed, was cancelled, or waits for its acknowledgement.</source>
      <translation>只有发送失败、已取消或正在等待确认的消息才能重新发送。</translation>
    </message>
    <message>
      <source>Airtime used this hour: </source>
      <translation>本小时已用发射时长：</translation>
    </message>
    <message>
      <source>Airtime: the Meshtastic node keeps its own duty cycle</source>
      <translation>发射时长：Meshtastic 节点自行控制占空比</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>Choose a node to plot its RSSI and SNR.</source>
      <translation>选择一个节点以绘制其 RSSI 和 SNR。</translation>
    </message>
    <message>
      <source>Nodes</source>
      <translation>节点</translation>
    </message>
    <message>
      <source>Only a message still queued or waiting for its acknowledgement can be cancelled.</source>
      <translation>只有仍在排队或正在等待确认的消息才能取消。</translation>
    </message>
    <message>
      <source>Only radio operators, supervisors and administrators handle radio traffic.</source>
      <translation>只有无线电操作员、主管和管理员可以处理无线电通信。</translation>
    </message>
    <message>
      <source>Outbox</source>
      <translation>发件箱</translation>
    </message>
    <message>
      <source>Resend</source>
      <translation>重发</translation>
    </message>
    <message>
      <source>Select a message in the outbox first.</source>
      <translation>请先在发件箱中选择一条消息。</translation>
    </message>
    <message>
      <source>{link}{used} s of {budget} s</source>
      <translation>{link}已用 {used} 秒 / 共 {budget} 秒</translation>
    </message>
  </context>
  <context>
    <name>RadioTables</name>
    <message>
      <source> · next try {time}</source>
      <translation> · 下次尝试 {time}</translation>
    </message>
    <message>
      <source>Addr</source>
      <translation>地址</translation>
    </message>
    <message>
      <source>Battery</source>
      <translation>电池</translation>
    </message>
    <message>
      <source>Call</source>
      <translation>呼号</translation>
    </message>
    <message>
      <source>Last heard</source>
      <translation>最后收听</translation>
    </message>
    <message>
      <source>Last problem: {error}</source>
      <translation>最近问题：{error}</translation>
    </message>
    <message>
      <source>Message</source>
      <translation>消息</translation>
    </message>
    <message>
      <source>No.</source>
      <translation>编号</translation>
    </message>
    <message>
      <source>Position</source>
      <translation>位置</translation>
    </message>
    <message>
      <source>Prec.</source>
      <translation>优先</translation>
    </message>
    <message>
      <source>Queued</source>
      <translation>排队中</translation>
    </message>
    <message>
      <source>RSSI</source>
      <translation>RSSI</translation>
    </message>
    <message>
      <source>Radio: {link}</source>
      <translation>无线电：{link}</translation>
    </message>
    <message>
      <source>SNR</source>
      <translation>SNR</translation>
    </message>
    <message>
      <source>Sent on {link}</source>
      <translation>已经 {link} 发送</translation>
    </message>
    <message>
      <source>State</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>To</source>
      <translation>发往</translation>
    </message>
    <message>
      <source>Tries</source>
      <translation>尝试次数</translation>
    </message>
    <message>
      <source>{n} min ago</source>
      <translation>{n} 分钟前</translation>
    </message>
    <message>
      <source>{n} s ago</source>
      <translation>{n} 秒前</translation>
    </message>
  </context>
  <context>
    <name>Refusals</name>
    <message>
      <source>, </source>
      <translation>、</translation>
    </message>
    <message>
      <source>Only admins and supervisors edit the sensor register; {name} is signed on as {role}.</source>
      <translation>只有管理员和主管可以编辑传感器登记表；{name} 当前以{role}身份登录。</translation>
    </message>
    <message>
      <source>Only {who} may acknowledge radio alerts; {name} is signed on as {role}.</source>
      <translation>只有{who}可以确认电台警报；{name} 当前以{role}身份登录。</translation>
    </message>
    <message>
      <source>Sign on as an admin or supervisor to edit the sensor register.</source>
      <translation>请以管理员或主管身份登录以编辑传感器登记表。</translation>
    </message>
    <message>
      <source>Sign on to acknowledge: {who} may.</source>
      <translation>请登录后确认：{who}可以确认。</translation>
    </message>
    <message>
      <source>administrators</source>
      <translation>管理员</translation>
    </message>
    <message>
      <source>logistics staff</source>
      <translation>后勤人员</translation>
    </message>
    <message>
      <source>operators</source>
      <translation>操作员</translation>
    </message>
    <message>
      <source>radio operators</source>
      <translation>电台操作员</translation>
    </message>
    <message>
      <source>supervisors</source>
      <translation>主管</translation>
    </message>
    <message>
      <source>{some} and {last}</source>
      <translation>{some}和{last}</translation>
    </message>
  </context>
  <context>
    <name>Reports</name>
    <message>
      <source> (first {n}; {more} more)</source>
      <translation>（前 {n} 条；另有 {more} 条）</translation>
    </message>
    <message>
      <source>#</source>
      <translation>编号</translation>
    </message>
    <message>
      <source>(no summary given)</source>
      <translation>（未填写摘要）</translation>
    </message>
    <message>
      <source>(none given)</source>
      <translation>（未填写）</translation>
    </message>
    <message>
      <source>(picture: see the PDF)</source>
      <translation>（图片：见 PDF 版）</translation>
    </message>
    <message>
      <source>1. Incident name</source>
      <translation>1. 事件名称</translation>
    </message>
    <message>
      <source>1. Post</source>
      <translation>1. 指挥所</translation>
    </message>
    <message>
      <source>1. To (name and position)</source>
      <translation>1. 收件人（姓名和职务）</translation>
    </message>
    <message>
      <source>2. From (name and position)</source>
      <translation>2. 发件人（姓名和职务）</translation>
    </message>
    <message>
      <source>2. Operational period</source>
      <translation>2. 作业时段</translation>
    </message>
    <message>
      <source>3. Check-in location</source>
      <translation>3. 签到地点</translation>
    </message>
    <message>
      <source>3. Date/Time</source>
      <translation>3. 日期/时间</translation>
    </message>
    <message>
      <source>3. Name</source>
      <translation>3. 姓名</translation>
    </message>
    <message>
      <source>3. Post call sign</source>
      <translation>3. 指挥所呼号</translation>
    </message>
    <message>
      <source>3. Prepared by (name, position, date/time)</source>
      <translation>3. 填报人（姓名、职务、日期/时间）</translation>
    </message>
    <message>
      <source>3. Radio net name or tactical call</source>
      <translation>3. 无线电网名称或战术呼号</translation>
    </message>
    <message>
      <source>3. Subject</source>
      <translation>3. 主题</translation>
    </message>
    <message>
      <source>4. Basic radio channel use</source>
      <translation>4. 基本无线电信道使用</translation>
    </message>
    <message>
      <source>4. Date/Time</source>
      <translation>4. 日期/时间</translation>
    </message>
    <message>
      <source>4. ICS position</source>
      <translation>4. ICS 职务</translation>
    </message>
    <message>
      <source>4. Radio operator (name, call sign)</source>
      <translation>4. 无线电员（姓名、呼号）</translation>
    </message>
    <message>
      <source>4. Resource request number</source>
      <translation>4. 资源申请编号</translation>
    </message>
    <message>
      <source>5. Home agency (and unit)</source>
      <translation>5. 所属机构（及单位）</translation>
    </message>
    <message>
      <source>5. Message</source>
      <translation>5. 消息</translation>
    </message>
    <message>
      <source>5. Requested by</source>
      <translation>5. 申请人</translation>
    </message>
    <message>
      <source>6. Resources assigned</source>
      <translation>6. 分配的资源</translation>
    </message>
    <message>
      <source>7. Activity log</source>
      <translation>7. 活动日志</translation>
    </message>
    <message>
      <source>7. Reply</source>
      <translation>7. 回复</translation>
    </message>
    <message>
      <source>ACTIVITY LOG (ICS 214)</source>
      <translation>活动日志（ICS 214）</translation>
    </message>
    <message>
      <source>Accounted for</source>
      <translation>已清点</translation>
    </message>
    <message>
      <source>Acknowledged by</source>
      <translation>确认人</translation>
    </message>
    <message>
      <source>Activity log</source>
      <translation>活动日志</translation>
    </message>
    <message>
      <source>Approval / reason</source>
      <translation>批准 / 原因</translation>
    </message>
    <message>
      <source>Area</source>
      <translation>范围</translation>
    </message>
    <message>
      <source>As received: {source}</source>
      <translation>原始内容：{source}</translation>
    </message>
    <message>
      <source>Assignment</source>
      <translation>分配</translation>
    </message>
    <message>
      <source>At</source>
      <translation>时间</translation>
    </message>
    <message>
      <source>Badge</source>
      <translation>胸牌</translation>
    </message>
    <message>
      <source>Battery</source>
      <translation>电池</translation>
    </message>
    <message>
      <source>By</source>
      <translation>申请人</translation>
    </message>
    <message>
      <source>By whereabouts</source>
      <translation>按去向</translation>
    </message>
    <message>
      <source>COMMUNICATIONS LOG (ICS 309)</source>
      <translation>通信日志（ICS 309）</translation>
    </message>
    <message>
      <source>Call sign</source>
      <translation>呼号</translation>
    </message>
    <message>
      <source>Ch #</source>
      <translation>信道号</translation>
    </message>
    <message>
      <source>Channel name</source>
      <translation>信道名称</translation>
    </message>
    <message>
      <source>Checked in</source>
      <translation>签到时间</translation>
    </message>
    <message>
      <source>Checked in by</source>
      <translation>签到登记人</translation>
    </message>
    <message>
      <source>Checked out</source>
      <translation>签出时间</translation>
    </message>
    <message>
      <source>Closed in the period</source>
      <translation>本时段内关闭</translation>
    </message>
    <message>
      <source>Command / tactical</source>
      <translation>指挥/战术</translation>
    </message>
    <message>
      <source>Command post</source>
      <translation>指挥所</translation>
    </message>
    <message>
      <source>Contact</source>
      <translation>联系方式</translation>
    </message>
    <message>
      <source>Critical item</source>
      <translation>关键物品</translation>
    </message>
    <message>
      <source>Critical stock and open requests</source>
      <translation>关键物资与未处理申请</translation>
    </message>
    <message>
      <source>DRILL device (exercise traffic only); port {port}</source>
      <translation>演练设备（仅限演练通信）；端口 {port}</translation>
    </message>
    <message>
      <source>Date/Time</source>
      <translation>日期/时间</translation>
    </message>
    <message>
      <source>Deliver to</source>
      <translation>送达至</translation>
    </message>
    <message>
      <source>Direction</source>
      <translation>方向</translation>
    </message>
    <message>
      <source>Due</source>
      <translation>即将到时</translation>
    </message>
    <message>
      <source>EMERGENCY</source>
      <translation>紧急</translation>
    </message>
    <message>
      <source>Emergency</source>
      <translation>紧急</translation>
    </message>
    <message>
      <source>Frequency</source>
      <translation>频率</translation>
    </message>
    <message>
      <source>From: call sign/ID</source>
      <translation>发自：呼号/ID</translation>
    </message>
    <message>
      <source>From: msg #</source>
      <translation>发自：消息号</translation>
    </message>
    <message>
      <source>Function</source>
      <translation>功能</translation>
    </message>
    <message>
      <source>GENERAL MESSAGE (ICS 213)</source>
      <translation>通用消息（ICS 213）</translation>
    </message>
    <message>
      <source>Hazard</source>
      <translation>灾种</translation>
    </message>
    <message>
      <source>Headline</source>
      <translation>标题</translation>
    </message>
    <message>
      <source>Home agency (and unit)</source>
      <translation>所属机构（及单位）</translation>
    </message>
    <message>
      <source>ICS position</source>
      <translation>ICS 职务</translation>
    </message>
    <message>
      <source>INCIDENT CHECK-IN LIST (ICS 211)</source>
      <translation>事件签到名单（ICS 211）</translation>
    </message>
    <message>
      <source>INCIDENT RADIO COMMUNICATIONS PLAN (ICS 205)</source>
      <translation>事件无线电通信计划（ICS 205）</translation>
    </message>
    <message>
      <source>Issued by</source>
      <translation>发布人</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>类型</translation>
    </message>
    <message>
      <source>Last heard</source>
      <translation>最后收听</translation>
    </message>
    <message>
      <source>Last value</source>
      <translation>最新读数</translation>
    </message>
    <message>
      <source>Mains</source>
      <translation>市电</translation>
    </message>
    <message>
      <source>Map: open incidents</source>
      <translation>地图：未关闭的事件</translation>
    </message>
    <message>
      <source>Member</source>
      <translation>队员</translation>
    </message>
    <message>
      <source>Members</source>
      <translation>队员</translation>
    </message>
    <message>
      <source>Message</source>
      <translation>消息</translation>
    </message>
    <message>
      <source>Messages</source>
      <translation>消息数</translation>
    </message>
    <message>
      <source>Minimum</source>
      <translation>最低量</translation>
    </message>
    <message>
      <source>Mode</source>
      <translation>模式</translation>
    </message>
    <message>
      <source>Most severe open incidents</source>
      <translation>最严重的未关闭事件</translation>
    </message>
    <message>
      <source>NO</source>
      <translation>无</translation>
    </message>
    <message>
      <source>NO CONTACT</source>
      <translation>失去联系</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>名称</translation>
    </message>
    <message>
      <source>Needed by</source>
      <translation>需要时间</translation>
    </message>
    <message>
      <source>Network ID / address</source>
      <translation>网络 ID / 地址</translation>
    </message>
    <message>
      <source>No critical item is below its minimum.</source>
      <translation>没有关键物品低于最低量。</translation>
    </message>
    <message>
      <source>No open incident or siren has a position: no map.</source>
      <translation>没有带位置的未关闭事件或警报器：无地图。</translation>
    </message>
    <message>
      <source>No open resource request.</source>
      <translation>没有未处理的资源申请。</translation>
    </message>
    <message>
      <source>No public warning was issued, updated or cancelled in the period.</source>
      <translation>本时段内没有发布、更新或取消公众预警。</translation>
    </message>
    <message>
      <source>No radio is configured at this post ([[device]] tables in the config file).</source>
      <translation>本指挥所未配置电台（配置文件中的 [[device]] 表）。</translation>
    </message>
    <message>
      <source>No radio traffic in the period.</source>
      <translation>本时段内没有无线电通信。</translation>
    </message>
    <message>
      <source>No resource request was made in this period.</source>
      <translation>本时段内没有资源申请。</translation>
    </message>
    <message>
      <source>No siren or sensor on record.</source>
      <translation>没有警报器或传感器记录。</translation>
    </message>
    <message>
      <source>Not yet</source>
      <translation>尚未清点</translation>
    </message>
    <message>
      <source>Notable activities</source>
      <translation>重要活动</translation>
    </message>
    <message>
      <source>Note (newest first)</source>
      <translation>备注（最新在前）</translation>
    </message>
    <message>
      <source>Now</source>
      <translation>现在</translation>
    </message>
    <message>
      <source>Open incidents by severity and kind</source>
      <translation>未关闭事件（按严重程度和类型）</translation>
    </message>
    <message>
      <source>Open incidents by severity: critical a square, serious a diamond, moderate and minor circles (with the number when few); sirens as triangles, zones dashed.</source>
      <translation>未关闭事件按严重程度显示：危急为方形，严重为菱形，中等和轻微为圆形（数量少时标出编号）；警报器为三角形，区域为虚线。</translation>
    </message>
    <message>
      <source>Open now</source>
      <translation>当前未关闭</translation>
    </message>
    <message>
      <source>Open tasks</source>
      <translation>未完成任务</translation>
    </message>
    <message>
      <source>Operator</source>
      <translation>操作员</translation>
    </message>
    <message>
      <source>Outstanding</source>
      <translation>未满足</translation>
    </message>
    <message>
      <source>Overdue</source>
      <translation>已超时</translation>
    </message>
    <message>
      <source>Overdue task</source>
      <translation>逾期任务</translation>
    </message>
    <message>
      <source>Page {n} of {total}</source>
      <translation>第 {n} 页，共 {total} 页</translation>
    </message>
    <message>
      <source>Post {call}</source>
      <translation>指挥所 {call}</translation>
    </message>
    <message>
      <source>Precedence</source>
      <translation>优先等级</translation>
    </message>
    <message>
      <source>Prepared by (name, position, date/time)</source>
      <translation>填报人（姓名、职务、日期/时间）</translation>
    </message>
    <message>
      <source>Priorities for the next period</source>
      <translation>下一时段的优先事项</translation>
    </message>
    <message>
      <source>Priority</source>
      <translation>优先</translation>
    </message>
    <message>
      <source>Quantity / kind</source>
      <translation>数量 / 种类</translation>
    </message>
    <message>
      <source>RESOURCE REQUEST (ICS 213RR)</source>
      <translation>资源申请（ICS 213RR）</translation>
    </message>
    <message>
      <source>Radio traffic in the period</source>
      <translation>本时段的无线电通信</translation>
    </message>
    <message>
      <source>Remarks</source>
      <translation>备注</translation>
    </message>
    <message>
      <source>Reported</source>
      <translation>报告时间</translation>
    </message>
    <message>
      <source>Reported in the period</source>
      <translation>本时段内报告</translation>
    </message>
    <message>
      <source>Request #{number}</source>
      <translation>申请 #{number}</translation>
    </message>
    <message>
      <source>Requested</source>
      <translation>已申请</translation>
    </message>
    <message>
      <source>Requested delivery / reporting location</source>
      <translation>要求送达 / 报到地点</translation>
    </message>
    <message>
      <source>Residents</source>
      <translation>居民</translation>
    </message>
    <message>
      <source>Residents in evacuation zones: accounted for means evacuated or deliberately staying.</source>
      <translation>疏散区内的居民：“已清点”指已疏散或自愿留守。</translation>
    </message>
    <message>
      <source>Routine</source>
      <translation>常规</translation>
    </message>
    <message>
      <source>SITUATION REPORT (SITREP)</source>
      <translation>态势报告（SITREP）</translation>
    </message>
    <message>
      <source>SITUATION REPORT (SITREP) (EXERCISE)</source>
      <translation>态势报告（SITREP）（演练）</translation>
    </message>
    <message>
      <source>Sensor</source>
      <translation>传感器</translation>
    </message>
    <message>
      <source>Severity</source>
      <translation>严重程度</translation>
    </message>
    <message>
      <source>Siren</source>
      <translation>警报器</translation>
    </message>
    <message>
      <source>Sirens and sensors</source>
      <translation>警报器与传感器</translation>
    </message>
    <message>
      <source>Skills / qualifications</source>
      <translation>技能 / 资质</translation>
    </message>
    <message>
      <source>State</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Station</source>
      <translation>电台</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Status (logistics)</source>
      <translation>状态（后勤）</translation>
    </message>
    <message>
      <source>Summary (supervisor)</source>
      <translation>摘要（主管）</translation>
    </message>
    <message>
      <source>Tactical call</source>
      <translation>战术呼号</translation>
    </message>
    <message>
      <source>Tactical calls</source>
      <translation>战术呼号</translation>
    </message>
    <message>
      <source>Task board</source>
      <translation>任务看板</translation>
    </message>
    <message>
      <source>Team</source>
      <translation>队伍</translation>
    </message>
    <message>
      <source>Team (assignment)</source>
      <translation>队伍（任务分配）</translation>
    </message>
    <message>
      <source>Team leader</source>
      <translation>队长</translation>
    </message>
    <message>
      <source>Teams and accountability</source>
      <translation>队伍与人员清点</translation>
    </message>
    <message>
      <source>Teams the console knows, their members on record and their open tasks (responders' check-in lists are not kept yet).</source>
      <translation>控制台记录的队伍、在册成员及其未完成任务（尚未保存救援人员签到名单）。</translation>
    </message>
    <message>
      <source>Time</source>
      <translation>时间</translation>
    </message>
    <message>
      <source>Title</source>
      <translation>标题</translation>
    </message>
    <message>
      <source>To: call sign/ID</source>
      <translation>发往：呼号/ID</translation>
    </message>
    <message>
      <source>To: msg #</source>
      <translation>发往：消息号</translation>
    </message>
    <message>
      <source>Total</source>
      <translation>合计</translation>
    </message>
    <message>
      <source>Unit</source>
      <translation>单位</translation>
    </message>
    <message>
      <source>Warnings issued</source>
      <translation>已发布的预警</translation>
    </message>
    <message>
      <source>Welfare</source>
      <translation>生活保障</translation>
    </message>
    <message>
      <source>Where</source>
      <translation>地点</translation>
    </message>
    <message>
      <source>Zone</source>
      <translation>区域</translation>
    </message>
    <message>
      <source>all clear</source>
      <translation>解除</translation>
    </message>
    <message>
      <source>all operators</source>
      <translation>全体值班员</translation>
    </message>
    <message>
      <source>approved</source>
      <translation>已批准</translation>
    </message>
    <message>
      <source>at the post</source>
      <translation>在指挥所</translation>
    </message>
    <message>
      <source>cancelled</source>
      <translation>已取消</translation>
    </message>
    <message>
      <source>demo radio</source>
      <translation>演示电台</translation>
    </message>
    <message>
      <source>fault</source>
      <translation>故障</translation>
    </message>
    <message>
      <source>idle</source>
      <translation>待机</translation>
    </message>
    <message>
      <source>in the field</source>
      <translation>在外执行</translation>
    </message>
    <message>
      <source>issued</source>
      <translation>已发布</translation>
    </message>
    <message>
      <source>network {network} / address {address}</source>
      <translation>网络 {network} / 地址 {address}</translation>
    </message>
    <message>
      <source>not acknowledged</source>
      <translation>未确认</translation>
    </message>
    <message>
      <source>ok</source>
      <translation>正常</translation>
    </message>
    <message>
      <source>on site</source>
      <translation>在场</translation>
    </message>
    <message>
      <source>port {port}</source>
      <translation>端口 {port}</translation>
    </message>
    <message>
      <source>received</source>
      <translation>已收到</translation>
    </message>
    <message>
      <source>sent</source>
      <translation>已发送</translation>
    </message>
    <message>
      <source>simulated</source>
      <translation>模拟</translation>
    </message>
    <message>
      <source>sounding</source>
      <translation>鸣响中</translation>
    </message>
    <message>
      <source>testing</source>
      <translation>测试中</translation>
    </message>
    <message>
      <source>the demo's simulated modem</source>
      <translation>演示用的模拟调制解调器</translation>
    </message>
    <message>
      <source>unknown</source>
      <translation>未知</translation>
    </message>
    <message>
      <source>updated</source>
      <translation>已更新</translation>
    </message>
    <message>
      <source>yes</source>
      <translation>有</translation>
    </message>
    <message>
      <source>{n} log lines in the period.</source>
      <translation>本时段日志 {n} 条。</translation>
    </message>
    <message>
      <source>{start} to {end}</source>
      <translation>{start} 至 {end}</translation>
    </message>
    <message>
      <source>{status}, {fulfilled} {unit} delivered</source>
      <translation>{status}，已送达 {fulfilled} {unit}</translation>
    </message>
  </context>
  <context>
    <name>ReportsDialog</name>
    <message>
      <source>, {n} lines</source>
      <translation>，共 {n} 行</translation>
    </message>
    <message>
      <source>A report is being built: wait, or cancel it.</source>
      <translation>正在生成报告：请等待，或取消它。</translation>
    </message>
    <message>
      <source>Build</source>
      <translation>生成</translation>
    </message>
    <message>
      <source>Building…</source>
      <translation>正在生成…</translation>
    </message>
    <message>
      <source>Cancel report</source>
      <translation>取消报告</translation>
    </message>
    <message>
      <source>Cancelled: no file was written.</source>
      <translation>已取消：未写入任何文件。</translation>
    </message>
    <message>
      <source>Choose…</source>
      <translation>选择…</translation>
    </message>
    <message>
      <source>Format</source>
      <translation>格式</translation>
    </message>
    <message>
      <source>From</source>
      <translation>从</translation>
    </message>
    <message>
      <source>ICS 205 Radio communications plan</source>
      <translation>ICS-205 无线电通信计划</translation>
    </message>
    <message>
      <source>ICS 211 Check-in list</source>
      <translation>ICS-211 签到表</translation>
    </message>
    <message>
      <source>ICS 213RR Resource requests</source>
      <translation>ICS-213RR 资源请求</translation>
    </message>
    <message>
      <source>ICS 214 Activity log</source>
      <translation>ICS-214 活动日志</translation>
    </message>
    <message>
      <source>ICS 309 Communications log</source>
      <translation>ICS-309 通信日志</translation>
    </message>
    <message>
      <source>Incident name</source>
      <translation>事件名称</translation>
    </message>
    <message>
      <source>Map layers (GeoJSON, KML)</source>
      <translation>地图图层（GeoJSON、KML）</translation>
    </message>
    <message>
      <source>Nothing is being built.</source>
      <translation>当前没有正在生成的报告。</translation>
    </message>
    <message>
      <source>Operator</source>
      <translation>操作员</translation>
    </message>
    <message>
      <source>Position</source>
      <translation>职务</translation>
    </message>
    <message>
      <source>Prepared by</source>
      <translation>填报人</translation>
    </message>
    <message>
      <source>Priorities</source>
      <translation>优先事项</translation>
    </message>
    <message>
      <source>Priorities for the next period</source>
      <translation>下一时段的优先事项</translation>
    </message>
    <message>
      <source>Report</source>
      <translation>报告</translation>
    </message>
    <message>
      <source>Reports and forms</source>
      <translation>报告和表格</translation>
    </message>
    <message>
      <source>SITREP (situation report)</source>
      <translation>情况报告</translation>
    </message>
    <message>
      <source>Save as</source>
      <translation>保存为</translation>
    </message>
    <message>
      <source>Save report as</source>
      <translation>报告保存为</translation>
    </message>
    <message>
      <source>Stopping…</source>
      <translation>正在停止…</translation>
    </message>
    <message>
      <source>Summary</source>
      <translation>摘要</translation>
    </message>
    <message>
      <source>Summary of the situation</source>
      <translation>情况摘要</translation>
    </message>
    <message>
      <source>To</source>
      <translation>到</translation>
    </message>
    <message>
      <source>Unit</source>
      <translation>单位</translation>
    </message>
    <message>
      <source>Written to {path}</source>
      <translation>已写入 {path}</translation>
    </message>
    <message>
      <source>e.g. Planning Section Chief</source>
      <translation>例如：计划科科长</translation>
    </message>
    <message>
      <source>operator name (ICS 214, ICS 309)</source>
      <translation>操作员姓名（ICS-214、ICS-309）</translation>
    </message>
    <message>
      <source>team name (ICS 214 per unit)</source>
      <translation>队伍名称（按单位的 ICS-214）</translation>
    </message>
  </context>
  <context>
    <name>RequestDialog</name>
    <message>
      <source>&amp;Deliver to:</source>
      <translation>送达至(&amp;D)：</translation>
    </message>
    <message>
      <source>&amp;Item:</source>
      <translation>物品(&amp;I)：</translation>
    </message>
    <message>
      <source>&amp;Needed by:</source>
      <translation>需要时间(&amp;N)：</translation>
    </message>
    <message>
      <source>&amp;Priority:</source>
      <translation>优先级(&amp;P)：</translation>
    </message>
    <message>
      <source>&amp;Quantity:</source>
      <translation>数量(&amp;Q)：</translation>
    </message>
    <message>
      <source>&amp;Requested by:</source>
      <translation>申请人(&amp;R)：</translation>
    </message>
    <message>
      <source>New resource request</source>
      <translation>新建资源申请</translation>
    </message>
    <message>
      <source>who asks: a team, a shelter lead, a callsign</source>
      <translation>申请人：队伍、避难场所负责人、呼号</translation>
    </message>
  </context>
  <context>
    <name>RequestQueue</name>
    <message>
      <source>Approve</source>
      <translation>批准</translation>
    </message>
    <message>
      <source>Approve the request before fulfilling it.</source>
      <translation>请先批准申请，再进行发放。</translation>
    </message>
    <message>
      <source>Deny request #%1</source>
      <translation>拒绝申请 #%1</translation>
    </message>
    <message>
      <source>Deny…</source>
      <translation>拒绝…</translation>
    </message>
    <message>
      <source>Fulfil…</source>
      <translation>满足…</translation>
    </message>
    <message>
      <source>Only a new or approved request can be denied.</source>
      <translation>只有新申请或已批准的申请才能拒绝。</translation>
    </message>
    <message>
      <source>Only a new request can be approved.</source>
      <translation>只有新申请才能批准。</translation>
    </message>
    <message>
      <source>Only logistics staff, supervisors and administrators decide requests.</source>
      <translation>只有后勤人员、主管和管理员可以处理申请。</translation>
    </message>
    <message>
      <source>Reason (the field will be told):</source>
      <translation>原因（将告知现场）：</translation>
    </message>
    <message>
      <source>Requests</source>
      <translation>申请</translation>
    </message>
    <message>
      <source>Requests · {n} open</source>
      <translation>申请 · {n} 条待处理</translation>
    </message>
    <message>
      <source>Select a request in the list first.</source>
      <translation>请先在列表中选择一项申请。</translation>
    </message>
  </context>
  <context>
    <name>RequestQueueModel</name>
    <message>
      <source>#</source>
      <translation>编号</translation>
    </message>
    <message>
      <source>Asked</source>
      <translation>已询问</translation>
    </message>
    <message>
      <source>Deliver to</source>
      <translation>送达至</translation>
    </message>
    <message>
      <source>Item</source>
      <translation>物品</translation>
    </message>
    <message>
      <source>Needed by</source>
      <translation>需要时间</translation>
    </message>
    <message>
      <source>Priority</source>
      <translation>优先级</translation>
    </message>
    <message>
      <source>Quantity</source>
      <translation>数量</translation>
    </message>
    <message>
      <source>Requested by</source>
      <translation>申请人</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
  </context>
  <context>
    <name>Residents</name>
    <message>
      <source>%v of %m accounted for (%p%)</source>
      <translation>已清点 %v / %m（%p%）</translation>
    </message>
    <message>
      <source>Address</source>
      <translation>地址</translation>
    </message>
    <message>
      <source>Contact: {c}</source>
      <translation>联系方式：{c}</translation>
    </message>
    <message>
      <source>Draw a zone on the map and choose it above first.</source>
      <translation>请先在地图上绘制区域，并在上方选择它。</translation>
    </message>
    <message>
      <source>Export register…</source>
      <translation>导出名册…</translation>
    </message>
    <message>
      <source>Export the residents register</source>
      <translation>导出居民名册</translation>
    </message>
    <message>
      <source>Mark selected</source>
      <translation>标记所选</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>名称</translation>
    </message>
    <message>
      <source>Needs</source>
      <translation>需求</translation>
    </message>
    <message>
      <source>Needs: {needs}</source>
      <translation>需求：{needs}</translation>
    </message>
    <message>
      <source>Neighbour: {n}</source>
      <translation>邻居：{n}</translation>
    </message>
    <message>
      <source>No zone drawn on the map.</source>
      <translation>地图上没有绘制区域。</translation>
    </message>
    <message>
      <source>Only a supervisor may export the register (it is audited).</source>
      <translation>只有主管可以导出名册（会记入审计）。</translation>
    </message>
    <message>
      <source>Only those not yet accounted for (the report)</source>
      <translation>仅显示尚未清点的居民（报告）</translation>
    </message>
    <message>
      <source>Open record…</source>
      <translation>打开记录…</translation>
    </message>
    <message>
      <source>Opening a record is recorded in the activity log.</source>
      <translation>打开记录会记入活动日志。</translation>
    </message>
    <message>
      <source>Operators and supervisors account for residents.</source>
      <translation>由值班员和主管清点居民。</translation>
    </message>
    <message>
      <source>Reading the residents register…</source>
      <translation>正在读取居民登记册…</translation>
    </message>
    <message>
      <source>Resident R-{id}</source>
      <translation>居民 R-{id}</translation>
    </message>
    <message>
      <source>Select a resident first.</source>
      <translation>请先选择一位居民。</translation>
    </message>
    <message>
      <source>Select a resident in the list first.</source>
      <translation>请先在列表中选择一位居民。</translation>
    </message>
    <message>
      <source>Shelter</source>
      <translation>避难场所</translation>
    </message>
    <message>
      <source>Unaccounted only</source>
      <translation>仅未清点</translation>
    </message>
    <message>
      <source>Usually checked on by: {v}</source>
      <translation>通常由 {v} 探访</translation>
    </message>
    <message>
      <source>Welfare-check tasks</source>
      <translation>生活探访任务</translation>
    </message>
    <message>
      <source>Whereabouts</source>
      <translation>去向</translation>
    </message>
    <message>
      <source>Written as CSV; the export is recorded in the activity log.</source>
      <translation>以 CSV 格式写出；导出会记入活动日志。</translation>
    </message>
    <message>
      <source>Zone:</source>
      <translation>区域：</translation>
    </message>
    <message>
      <source>address not given</source>
      <translation>未提供地址</translation>
    </message>
    <message>
      <source>{n} residents exported.</source>
      <translation>已导出 {n} 位居民。</translation>
    </message>
    <message>
      <source>{n} welfare-check tasks on the task board, one per street.</source>
      <translation>任务看板上有 {n} 个生活探访任务，每条街道一个。</translation>
    </message>
    <message>
      <source>{total} residents registered · {on_map} on the map · {off} with no position (listed only)</source>
      <translation>已登记 {total} 位居民 · 地图上 {on_map} 位 · {off} 位无位置（仅列表显示）</translation>
    </message>
  </context>
  <context>
    <name>Roster</name>
    <message>
      <source>%1 (EXPIRED %2)</source>
      <translation>%1（已于 %2 过期）</translation>
    </message>
    <message>
      <source>%1 to add, %2 problem(s). </source>
      <translation>将添加 %1 人，%2 个问题。</translation>
    </message>
    <message>
      <source>%1 volunteers written to %2</source>
      <translation>已将 %1 名志愿者写入 %2</translation>
    </message>
    <message>
      <source>%1 volunteers, %2 on site</source>
      <translation>志愿者 %1 人，在岗 %2 人</translation>
    </message>
    <message>
      <source>&amp;Add…</source>
      <translation>添加(&amp;A)…</translation>
    </message>
    <message>
      <source>&amp;Edit…</source>
      <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
      <source>&amp;Export CSV…</source>
      <translation>导出 CSV(&amp;E)…</translation>
    </message>
    <message>
      <source>&amp;Import CSV…</source>
      <translation>导入 CSV(&amp;I)…</translation>
    </message>
    <message>
      <source>Availability</source>
      <translation>可用时间</translation>
    </message>
    <message>
      <source>Badge</source>
      <translation>胸牌</translation>
    </message>
    <message>
      <source>CSV files (*.csv *.txt)</source>
      <translation>CSV 文件 (*.csv *.txt)</translation>
    </message>
    <message>
      <source>CSV files (*.csv)</source>
      <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
      <source>Check-&amp;in…</source>
      <translation>签到(&amp;I)…</translation>
    </message>
    <message>
      <source>Export volunteers</source>
      <translation>导出志愿者</translation>
    </message>
    <message>
      <source>Import %1</source>
      <translation>导入 %1 人</translation>
    </message>
    <message>
      <source>Import volunteers</source>
      <translation>导入志愿者</translation>
    </message>
    <message>
      <source>Languages</source>
      <translation>语言</translation>
    </message>
    <message>
      <source>Line</source>
      <translation>线</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>名称</translation>
    </message>
    <message>
      <source>On site</source>
      <translation>在岗</translation>
    </message>
    <message>
      <source>Phone</source>
      <translation>电话</translation>
    </message>
    <message>
      <source>Problem</source>
      <translation>问题</translation>
    </message>
    <message>
      <source>Problems (these rows are not imported):</source>
      <translation>问题（这些行不会导入）：</translation>
    </message>
    <message>
      <source>Read as %1.</source>
      <translation>按 %1 编码读取。</translation>
    </message>
    <message>
      <source>Select a volunteer in the list first.</source>
      <translation>请先在列表中选择一名志愿者。</translation>
    </message>
    <message>
      <source>Skills</source>
      <translation>技能</translation>
    </message>
    <message>
      <source>Skills and certificates</source>
      <translation>技能与证书</translation>
    </message>
    <message>
      <source>Supervisors and administrators edit the roster</source>
      <translation>名册由指挥员和管理员编辑</translation>
    </message>
    <message>
      <source>Team</source>
      <translation>队伍</translation>
    </message>
    <message>
      <source>Viewers cannot check people in</source>
      <translation>查看者不能办理签到</translation>
    </message>
    <message>
      <source>file</source>
      <translation>文件</translation>
    </message>
  </context>
  <context>
    <name>ScheduleDialog</name>
    <message>
      <source>Day</source>
      <translation>日</translation>
    </message>
    <message>
      <source>Growl (short low sound)</source>
      <translation>低鸣（短促低音）</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>类型</translation>
    </message>
    <message>
      <source>Monthly silent test</source>
      <translation>每月静音测试</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>名称</translation>
    </message>
    <message>
      <source>Schedule a siren test</source>
      <translation>计划警报器测试</translation>
    </message>
    <message>
      <source>Silent (rotation, no sound)</source>
      <translation>静音（仅旋转，无声音）</translation>
    </message>
    <message>
      <source>Time (local)</source>
      <translation>时间（本地）</translation>
    </message>
    <message>
      <source>Time zone</source>
      <translation>时区</translation>
    </message>
    <message>
      <source>Which</source>
      <translation>哪个</translation>
    </message>
  </context>
  <context>
    <name>SensorChart</name>
    <message>
      <source>1 h</source>
      <translation>1 小时</translation>
    </message>
    <message>
      <source>1 year</source>
      <translation>1 年</translation>
    </message>
    <message>
      <source>24 h</source>
      <translation>24 小时</translation>
    </message>
    <message>
      <source>30 d</source>
      <translation>30 天</translation>
    </message>
    <message>
      <source>7 d</source>
      <translation>7 天</translation>
    </message>
    <message>
      <source>Readings could not be read: {why}</source>
      <translation>无法读取读数：{why}</translation>
    </message>
    <message>
      <source>Select a sensor to see its readings</source>
      <translation>选择一个传感器以查看其读数</translation>
    </message>
    <message>
      <source>raw readings</source>
      <translation>原始读数</translation>
    </message>
    <message>
      <source>{n} readings in {b} buckets</source>
      <translation>{n} 个读数，分为 {b} 个时间段</translation>
    </message>
  </context>
  <context>
    <name>SensorDialog</name>
    <message>
      <source>Advisory at or above</source>
      <translation>提示级：达到或高于</translation>
    </message>
    <message>
      <source>Edit sensor</source>
      <translation>编辑传感器</translation>
    </message>
    <message>
      <source>Emergency at or above (alarm)</source>
      <translation>紧急级：达到或高于（报警）</translation>
    </message>
    <message>
      <source>Evaluate its readings</source>
      <translation>评估其读数</translation>
    </message>
    <message>
      <source>Expected interval</source>
      <translation>预期上报间隔</translation>
    </message>
    <message>
      <source>Hysteresis (a level ends below its line minus this)</source>
      <translation>回差（低于该级别线减去此值时才解除）</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>类型</translation>
    </message>
    <message>
      <source>Latitude, longitude</source>
      <translation>纬度、经度</translation>
    </message>
    <message>
      <source>Location</source>
      <translation>存放点</translation>
    </message>
    <message>
      <source>Name</source>
      <translation>名称</translation>
    </message>
    <message>
      <source>Physically possible from … to</source>
      <translation>物理可能范围：从 … 到</translation>
    </message>
    <message>
      <source>Rate of rise: up by</source>
      <translation>上涨速率：上涨</translation>
    </message>
    <message>
      <source>Register sensor</source>
      <translation>登记传感器</translation>
    </message>
    <message>
      <source>Reporting radio node</source>
      <translation>上报的电台节点</translation>
    </message>
    <message>
      <source>Sensor id (as the node sends it)</source>
      <translation>传感器编号（与节点发送的一致）</translation>
    </message>
    <message>
      <source>Unit</source>
      <translation>单位</translation>
    </message>
    <message>
      <source>Warning at or above</source>
      <translation>警告级：达到或高于</translation>
    </message>
    <message>
      <source>within</source>
      <translation>以内</translation>
    </message>
  </context>
  <context>
    <name>SensorPanel</name>
    <message>
      <source>Edit…</source>
      <translation>编辑…</translation>
    </message>
    <message>
      <source>Import register…</source>
      <translation>导入登记表…</translation>
    </message>
    <message>
      <source>Import sensor register</source>
      <translation>导入传感器登记表</translation>
    </message>
    <message>
      <source>Not imported:</source>
      <translation>未导入：</translation>
    </message>
    <message>
      <source>Nothing to import</source>
      <translation>没有可导入的内容</translation>
    </message>
    <message>
      <source>Register sensor…</source>
      <translation>登记传感器…</translation>
    </message>
    <message>
      <source>Register {id}…</source>
      <translation>登记 {id}…</translation>
    </message>
    <message>
      <source>Select a registered sensor</source>
      <translation>请选择已登记的传感器</translation>
    </message>
    <message>
      <source>Sensor register (*.csv *.toml);;All files (*)</source>
      <translation>传感器登记表 (*.csv *.toml);;所有文件 (*)</translation>
    </message>
    <message>
      <source>Sensors could not be read: {why}</source>
      <translation>无法读取传感器：{why}</translation>
    </message>
    <message>
      <source>The file holds no sensors.</source>
      <translation>该文件不含传感器。</translation>
    </message>
    <message>
      <source>line</source>
      <translation>行</translation>
    </message>
    <message>
      <source>{level}: {name}</source>
      <translation>{level}：{name}</translation>
    </message>
    <message>
      <source>{n} not registered</source>
      <translation>{n} 个未登记</translation>
    </message>
    <message>
      <source>{n} sensors</source>
      <translation>{n} 个传感器</translation>
    </message>
    <message>
      <source>{n} sensors can be added or updated.</source>
      <translation>可添加或更新 {n} 个传感器。</translation>
    </message>
    <message>
      <source>{n} silent</source>
      <translation>{n} 个静默</translation>
    </message>
  </context>
  <context>
    <name>SensorTableModel</name>
    <message>
      <source>%1 days ago</source>
      <translation>%1 天前</translation>
    </message>
    <message>
      <source>%1 h ago</source>
      <translation>%1 小时前</translation>
    </message>
    <message>
      <source>%1 min ago</source>
      <translation>%1 分钟前</translation>
    </message>
    <message>
      <source>%1 s ago</source>
      <translation>%1 秒前</translation>
    </message>
    <message>
      <source>Heard over the radio but not in the register: select it and press Register.</source>
      <translation>已通过电台收到，但不在登记表中：选中后点击“登记”。</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>类型</translation>
    </message>
    <message>
      <source>Last reading</source>
      <translation>最后读数</translation>
    </message>
    <message>
      <source>Latest</source>
      <translation>最新</translation>
    </message>
    <message>
      <source>Level</source>
      <translation>水平</translation>
    </message>
    <message>
      <source>Location</source>
      <translation>存放点</translation>
    </message>
    <message>
      <source>SILENT</source>
      <translation>静默</translation>
    </message>
    <message>
      <source>Sensor</source>
      <translation>传感器</translation>
    </message>
    <message>
      <source>Trend</source>
      <translation>趋势</translation>
    </message>
    <message>
      <source>in the future</source>
      <translation>未来时间</translation>
    </message>
    <message>
      <source>last reading</source>
      <translation>最后读数</translation>
    </message>
    <message>
      <source>never</source>
      <translation>从未</translation>
    </message>
    <message>
      <source>no levels set</source>
      <translation>未设置级别</translation>
    </message>
    <message>
      <source>not registered</source>
      <translation>未登记</translation>
    </message>
  </context>
  <context>
    <name>ShiftActions</name>
    <message>
      <source>&amp;Exercise mode (drill records)</source>
      <translation>演练模式(&amp;E)（演练记录）</translation>
    </message>
    <message>
      <source>&amp;Purge exercise records…</source>
      <translation>清除演练记录(&amp;P)…</translation>
    </message>
    <message>
      <source>Delete every record of past exercises (incidents, tasks, drill radio traffic)? Live records are not touched, nothing a real radio heard is deleted, and the activity log keeps a record of the drill and of this purge.</source>
      <translation>删除以往演练的全部记录（事件、任务、演练无线电通信）？实战记录不受影响，真实电台收到的内容不会被删除，活动日志会保留演练及本次清除的记录。</translation>
    </message>
    <message>
      <source>End exercise</source>
      <translation>结束演练</translation>
    </message>
    <message>
      <source>End exercise mode</source>
      <translation>结束演练模式</translation>
    </message>
    <message>
      <source>End the exercise and return to live work?

The drill's records are hidden, not deleted (Purge exercise records removes them). The switch is recorded in the activity log.</source>
      <translation>结束演练并回到实战工作？

演练记录只是隐藏，并未删除（“清除演练记录”才会删除）。本次切换会记入活动日志。</translation>
    </message>
    <message>
      <source>Only a supervisor or an administrator may purge exercise records.</source>
      <translation>只有主管或管理员可以清除演练记录。</translation>
    </message>
    <message>
      <source>Only a supervisor or an administrator may start or end exercise mode.</source>
      <translation>只有主管或管理员可以开始或结束演练模式。</translation>
    </message>
    <message>
      <source>Purge exercise records</source>
      <translation>清除演练记录</translation>
    </message>
    <message>
      <source>Purged {n} exercise records ({i} incidents, {t} tasks).</source>
      <translation>已清除 {n} 条演练记录（{i} 个事件，{t} 个任务）。</translation>
    </message>
    <message>
      <source>Start an exercise on this console?

Incidents, tasks and other records made here from now on are marked as a drill. Traffic heard on real radios stays live unless it says EXERCISE; live emergencies, unacknowledged alerts and open live incidents stay in sight, marked LIVE.

The switch is recorded in the activity log.</source>
      <translation>在本控制台开始演练？

从现在起在此生成的事件、任务和其他记录都将标记为演练。真实电台收到的通信仍为实战，除非其中注明 EXERCISE；实战紧急情况、未确认警报和未关闭的实战事件保持可见，并标记为“实战”。

本次切换会记入活动日志。</translation>
    </message>
    <message>
      <source>Start exercise</source>
      <translation>开始演练</translation>
    </message>
    <message>
      <source>Start exercise mode</source>
      <translation>开始演练模式</translation>
    </message>
  </context>
  <context>
    <name>SignOnDialog</name>
    <message>
      <source>&amp;Operator:</source>
      <translation>值班员(&amp;O)：</translation>
    </message>
    <message>
      <source>&amp;PIN:</source>
      <translation>PIN 码(&amp;P)：</translation>
    </message>
    <message>
      <source>4 to 12 digits</source>
      <translation>4 到 12 位数字</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>Change operator</source>
      <translation>更换值班员</translation>
    </message>
    <message>
      <source>Choose your name and type your PIN. Everything you do is recorded under your name in the activity log.</source>
      <translation>选择您的姓名并输入 PIN 码。您的所有操作都会以您的名义记入活动日志。</translation>
    </message>
    <message>
      <source>No operators are set up on this post yet. Set up its first administrator, or start the console with --demo to try it.</source>
      <translation>本指挥所尚未设置值班员。请设置第一位管理员，或使用 --demo 启动控制台试用。</translation>
    </message>
    <message>
      <source>Opening the post…</source>
      <translation>正在打开本岗位…</translation>
    </message>
    <message>
      <source>Opening the post… you are signed on as soon as it is open.</source>
      <translation>正在打开本岗位……打开后即完成签到。</translation>
    </message>
    <message>
      <source>Quit</source>
      <translation>退出</translation>
    </message>
    <message>
      <source>Set up first administrator…</source>
      <translation>设置第一位管理员…</translation>
    </message>
    <message>
      <source>Sign on</source>
      <translation>登录</translation>
    </message>
    <message>
      <source>Sign on to Ops Console</source>
      <translation>登录指挥所控制台</translation>
    </message>
    <message>
      <source>Type your PIN first, then press Enter. An empty PIN is not counted as an attempt.</source>
      <translation>请先输入 PIN 码，再按 Enter。空 PIN 码不计入尝试次数。</translation>
    </message>
    <message>
      <source>Who is at this workstation?</source>
      <translation>谁在使用此工作站？</translation>
    </message>
  </context>
  <context>
    <name>SignalPlot</name>
    <message>
      <source>Node {addr}: last {n} frames</source>
      <translation>节点 {addr}：最近 {n} 帧</translation>
    </message>
    <message>
      <source>RSSI</source>
      <translation>RSSI</translation>
    </message>
    <message>
      <source>SNR</source>
      <translation>SNR</translation>
    </message>
  </context>
  <context>
    <name>SignalSet</name>
    <message>
      <source>China</source>
      <translation>中国</translation>
    </message>
    <message>
      <source>Germany</source>
      <translation>德国</translation>
    </message>
    <message>
      <source>United States</source>
      <translation>美国</translation>
    </message>
    <message>
      <source>all countries (no [sirens] country is set)</source>
      <translation>所有国家（未设置 [sirens] country）</translation>
    </message>
  </context>
  <context>
    <name>SirenAlarms</name>
    <message>
      <source>command not confirmed</source>
      <translation>指令未确认</translation>
    </message>
    <message>
      <source>controller fault</source>
      <translation>控制器故障</translation>
    </message>
    <message>
      <source>no answer from the controller</source>
      <translation>控制器无应答</translation>
    </message>
    <message>
      <source>sounding without a command</source>
      <translation>无指令鸣响</translation>
    </message>
  </context>
  <context>
    <name>SirenPanel</name>
    <message>
      <source>%1 of %2 sounding</source>
      <translation>%2 台中 %1 台正在鸣响</translation>
    </message>
    <message>
      <source>%1 of %2 sounding LIVE (not part of the exercise)</source>
      <translation>%2 台中 %1 台正在真实鸣响（不属于演练）</translation>
    </message>
    <message>
      <source>%1 open alarm(s)</source>
      <translation>%1 个未处理警报</translation>
    </message>
    <message>
      <source>%1 state unknown</source>
      <translation>%1 台状态未知</translation>
    </message>
    <message>
      <source>%1 testing</source>
      <translation>%1 台正在测试</translation>
    </message>
    <message>
      <source>&lt;b&gt;Scheduled tests&lt;/b&gt;</source>
      <translation>&lt;b&gt;计划测试&lt;/b&gt;</translation>
    </message>
    <message>
      <source>&lt;b&gt;Test report&lt;/b&gt;</source>
      <translation>&lt;b&gt;测试报告&lt;/b&gt;</translation>
    </message>
    <message>
      <source>Acknowledge</source>
      <translation>确认</translation>
    </message>
    <message>
      <source>Acknowledged</source>
      <translation>已确认</translation>
    </message>
    <message>
      <source>Activate sirens…</source>
      <translation>启动警报器…</translation>
    </message>
    <message>
      <source>Alarm</source>
      <translation>警报</translation>
    </message>
    <message>
      <source>Alarms</source>
      <translation>警报</translation>
    </message>
    <message>
      <source>Alarms (%1)</source>
      <translation>警报（%1）</translation>
    </message>
    <message>
      <source>Battery</source>
      <translation>电池</translation>
    </message>
    <message>
      <source>Cancel all sirens</source>
      <translation>取消全部警报器</translation>
    </message>
    <message>
      <source>Cancel siren</source>
      <translation>取消警报器</translation>
    </message>
    <message>
      <source>Cancel this siren now</source>
      <translation>立即取消此警报器</translation>
    </message>
    <message>
      <source>Details</source>
      <translation>详情</translation>
    </message>
    <message>
      <source>EXERCISE</source>
      <translation>演练</translation>
    </message>
    <message>
      <source>FAILED</source>
      <translation>失败</translation>
    </message>
    <message>
      <source>Faults</source>
      <translation>故障</translation>
    </message>
    <message>
      <source>Kind</source>
      <translation>类型</translation>
    </message>
    <message>
      <source>LIVE</source>
      <translation>实战</translation>
    </message>
    <message>
      <source>Last run</source>
      <translation>上次运行</translation>
    </message>
    <message>
      <source>Next</source>
      <translation>下一步</translation>
    </message>
    <message>
      <source>OPEN</source>
      <translation>未处理</translation>
    </message>
    <message>
      <source>Only a siren sounding without a command is stopped from here.</source>
      <translation>此处只能停止未经指令而鸣响的警报器。</translation>
    </message>
    <message>
      <source>Only these roles may cancel sirens: %1.</source>
      <translation>只有这些角色可以取消警报器：%1。</translation>
    </message>
    <message>
      <source>Only these roles may sound or schedule sirens: %1.</source>
      <translation>只有以下角色可以鸣响或安排警报器测试：%1。</translation>
    </message>
    <message>
      <source>PASSED</source>
      <translation>通过</translation>
    </message>
    <message>
      <source>Raised</source>
      <translation>发生时间</translation>
    </message>
    <message>
      <source>Result</source>
      <translation>结果</translation>
    </message>
    <message>
      <source>Run</source>
      <translation>运行</translation>
    </message>
    <message>
      <source>Schedule a test…</source>
      <translation>计划测试…</translation>
    </message>
    <message>
      <source>Select an alarm in the list first.</source>
      <translation>请先在列表中选择一条警报。</translation>
    </message>
    <message>
      <source>Siren</source>
      <translation>警报器</translation>
    </message>
    <message>
      <source>Sirens</source>
      <translation>警报器</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Stop every siren now?</source>
      <translation>立即停止所有警报器？</translation>
    </message>
    <message>
      <source>Test</source>
      <translation>测试</translation>
    </message>
    <message>
      <source>Tests</source>
      <translation>测试</translation>
    </message>
    <message>
      <source>This alarm is acknowledged already.</source>
      <translation>此警报已被确认。</translation>
    </message>
    <message>
      <source>What happened</source>
      <translation>发生了什么</translation>
    </message>
    <message>
      <source>When</source>
      <translation>时间</translation>
    </message>
    <message>
      <source>all</source>
      <translation>全部</translation>
    </message>
    <message>
      <source>none</source>
      <translation>无</translation>
    </message>
    <message>
      <source>■  CANCEL ALL SIRENS</source>
      <translation>■  取消全部警报器</translation>
    </message>
  </context>
  <context>
    <name>SirenPatterns</name>
    <message>
      <source>A low, short sound that proves the speakers work without alarming anyone.</source>
      <translation>低音量短鸣，证明扬声器工作正常而不惊扰任何人。</translation>
    </message>
    <message>
      <source>Alert (steady)</source>
      <translation>警戒（长鸣）</translation>
    </message>
    <message>
      <source>Attack warning (wavering)</source>
      <translation>袭击警报（波动音）</translation>
    </message>
    <message>
      <source>Civil air defence: one continuous sound of 3 minutes.</source>
      <translation>人民防空：连续鸣响 3 分钟。</translation>
    </message>
    <message>
      <source>Civil air defence: sound 36 s, silent 24 s, three times.</source>
      <translation>人民防空：鸣 36 秒、停 24 秒，反复三遍。</translation>
    </message>
    <message>
      <source>Civil air defence: sound 6 s, silent 6 s, fifteen times.</source>
      <translation>人民防空：鸣 6 秒、停 6 秒，反复十五遍。</translation>
    </message>
    <message>
      <source>Entwarnung</source>
      <translation>解除警报（德国）</translation>
    </message>
    <message>
      <source>Growl test (short low sound)</source>
      <translation>低鸣测试（短促低音）</translation>
    </message>
    <message>
      <source>Hi-lo</source>
      <translation>高低音</translation>
    </message>
    <message>
      <source>One minute of rising and falling tone: switch on the radio, follow the announcements.</source>
      <translation>一分钟起伏音：打开收音机，听从广播指示。</translation>
    </message>
    <message>
      <source>One minute of steady tone: the danger is over.</source>
      <translation>一分钟长音：危险已经解除。</translation>
    </message>
    <message>
      <source>Probealarm (Sirenentest)</source>
      <translation>试鸣（警报器测试）</translation>
    </message>
    <message>
      <source>Silent test (rotation, no sound)</source>
      <translation>静音测试（仅旋转，无声音）</translation>
    </message>
    <message>
      <source>Steady tone of 3 to 5 minutes; 3 minutes by default. Tune to local radio/TV.</source>
      <translation>长音 3 至 5 分钟，默认 3 分钟。请收听当地广播或电视。</translation>
    </message>
    <message>
      <source>Turns the rotator and checks the amplifier into a dummy load; nobody hears it.</source>
      <translation>转动旋转器并以假负载检查功放；没有人会听到。</translation>
    </message>
    <message>
      <source>Twelve seconds of steady tone on test days.</source>
      <translation>试鸣日鸣长音 12 秒。</translation>
    </message>
    <message>
      <source>Two alternating tones, one second each, for 3 minutes.</source>
      <translation>两个音调交替，各 1 秒，持续 3 分钟。</translation>
    </message>
    <message>
      <source>Warnung der Bevölkerung</source>
      <translation>居民警报（德国）</translation>
    </message>
    <message>
      <source>Wavering (rising and falling) tone for 3 minutes. Take cover.</source>
      <translation>波动（起伏）音 3 分钟。立即隐蔽。</translation>
    </message>
  </context>
  <context>
    <name>SirenStrip</name>
    <message>
      <source> +%1 more</source>
      <translation> 另有 %1 条</translation>
    </message>
    <message>
      <source>%1 is signed on as %2, who may not cancel sirens. These roles may: %3.</source>
      <translation>%1 以 %2 身份登录，无权取消警报器。可以取消的角色：%3。</translation>
    </message>
    <message>
      <source>%1 left</source>
      <translation>剩余 %1</translation>
    </message>
    <message>
      <source>%1 requested</source>
      <translation>已申请 %1</translation>
    </message>
    <message>
      <source>Cancel all &amp;sirens…</source>
      <translation>取消全部警报器(&amp;S)…</translation>
    </message>
    <message>
      <source>Cancel all sirens</source>
      <translation>取消全部警报器</translation>
    </message>
    <message>
      <source>Could not read the sirens' state: %1</source>
      <translation>无法读取警报器状态：%1</translation>
    </message>
    <message>
      <source>LIVE — SOUNDING</source>
      <translation>实战 — 正在鸣响</translation>
    </message>
    <message>
      <source>LIVE — about to sound</source>
      <translation>实战 — 即将鸣响</translation>
    </message>
    <message>
      <source>No siren is sounding, testing or about to.</source>
      <translation>没有警报器正在鸣响、测试或即将鸣响。</translation>
    </message>
    <message>
      <source>Nobody is signed on. These roles may cancel sirens: %1.</source>
      <translation>无人登录。可以取消警报器的角色：%1。</translation>
    </message>
    <message>
      <source>SILENT TEST — no sound</source>
      <translation>静音测试 — 无声音</translation>
    </message>
    <message>
      <source>SILENT TEST — starting</source>
      <translation>静音测试 — 正在开始</translation>
    </message>
    <message>
      <source>SIRENS</source>
      <translation>警报器</translation>
    </message>
    <message>
      <source>SIRENS LIVE</source>
      <translation>警报器实战</translation>
    </message>
    <message>
      <source>SIRENS TEST</source>
      <translation>警报器测试</translation>
    </message>
    <message>
      <source>Sirens sounding</source>
      <translation>警报器正在鸣响</translation>
    </message>
    <message>
      <source>Stop every siren now (asks once to confirm).</source>
      <translation>立即停止所有警报器（会要求确认一次）。</translation>
    </message>
    <message>
      <source>Stop every siren now?

Sounding or armed: %1</source>
      <translation>立即停止所有警报器？

正在鸣响或待命：%1</translation>
    </message>
    <message>
      <source>TEST — growl, audible</source>
      <translation>测试 — 低鸣，可听见</translation>
    </message>
    <message>
      <source>TEST — starting (audible)</source>
      <translation>测试 — 正在开始（可听见）</translation>
    </message>
    <message>
      <source>Yes, cancel all sirens</source>
      <translation>是，取消全部警报器</translation>
    </message>
    <message>
      <source>and %1 more — see the Sirens panel</source>
      <translation>另有 %1 台 — 见警报器面板</translation>
    </message>
    <message>
      <source>every siren</source>
      <translation>所有警报器</translation>
    </message>
    <message>
      <source>■  CANCEL ALL SIRENS</source>
      <translation>■  取消全部警报器</translation>
    </message>
  </context>
  <context>
    <name>SirenTableModel</name>
    <message>
      <source>Battery</source>
      <translation>电池</translation>
    </message>
    <message>
      <source>Comms</source>
      <translation>通信</translation>
    </message>
    <message>
      <source>Faults</source>
      <translation>故障</translation>
    </message>
    <message>
      <source>Last heard</source>
      <translation>最后收听</translation>
    </message>
    <message>
      <source>Mains</source>
      <translation>市电</translation>
    </message>
    <message>
      <source>ON BATTERY</source>
      <translation>电池供电</translation>
    </message>
    <message>
      <source>Pattern</source>
      <translation>信号</translation>
    </message>
    <message>
      <source>Remaining</source>
      <translation>剩余</translation>
    </message>
    <message>
      <source>Siren</source>
      <translation>警报器</translation>
    </message>
    <message>
      <source>State</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Temp.</source>
      <translation>温度</translation>
    </message>
    <message>
      <source>none</source>
      <translation>无</translation>
    </message>
    <message>
      <source>on mains</source>
      <translation>市电供电</translation>
    </message>
  </context>
  <context>
    <name>Sirens</name>
    <message>
      <source>COMMS FAULT</source>
      <translation>通信故障</translation>
    </message>
    <message>
      <source>FAULT</source>
      <translation>故障</translation>
    </message>
    <message>
      <source>Idle</source>
      <translation>空闲</translation>
    </message>
    <message>
      <source>NO ANSWER</source>
      <translation>无应答</translation>
    </message>
    <message>
      <source>OK</source>
      <translation>确定</translation>
    </message>
    <message>
      <source>SOUNDING</source>
      <translation>正在鸣响</translation>
    </message>
    <message>
      <source>Testing</source>
      <translation>测试中</translation>
    </message>
    <message>
      <source>UNKNOWN — no answer</source>
      <translation>未知 — 无应答</translation>
    </message>
    <message>
      <source>Unknown</source>
      <translation>未知</translation>
    </message>
    <message>
      <source>missed %1 poll(s)</source>
      <translation>漏掉 %1 次轮询</translation>
    </message>
    <message>
      <source>not heard yet</source>
      <translation>尚未收到</translation>
    </message>
  </context>
  <context>
    <name>Startup</name>
    <message>
      <source>--operator needs the PIN in the OPS_CONSOLE_PIN environment variable.</source>
      <translation>--operator 需要在环境变量 OPS_CONSOLE_PIN 中提供 PIN 码。</translation>
    </message>
    <message>
      <source>Cannot sign on: {reason}</source>
      <translation>无法登录：{reason}</translation>
    </message>
    <message>
      <source>Creating the demo post (only on its first start; a few seconds)…</source>
      <translation>正在创建演示指挥所（仅首次启动，需要几秒钟）…</translation>
    </message>
    <message>
      <source>Ops Console</source>
      <translation>指挥所控制台</translation>
    </message>
    <message>
      <source>Ops Console cannot start</source>
      <translation>指挥所控制台无法启动</translation>
    </message>
    <message>
      <source>The console froze last time</source>
      <translation>控制台上次曾无响应</translation>
    </message>
  </context>
  <context>
    <name>StockAlerts</name>
    <message>
      <source> lot {lot}</source>
      <translation>（批次 {lot}）</translation>
    </message>
    <message>
      <source>Low on {item} at {place}: {qty} {unit} (minimum {min})</source>
      <translation>{place}的{item}库存不足：{qty} {unit}（最低量 {min}）</translation>
    </message>
    <message>
      <source>Out of {item} at {place}: {qty} {unit} (minimum {min})</source>
      <translation>{place}的{item}已缺货：{qty} {unit}（最低量 {min}）</translation>
    </message>
    <message>
      <source>{item}{lot} at {place}: {qty} {unit} expired on {on}</source>
      <translation>{place}的{item}{lot}：{qty} {unit}，已于 {on} 过期</translation>
    </message>
    <message>
      <source>{item}{lot} at {place}: {qty} {unit} expires on {on}</source>
      <translation>{place}的{item}{lot}：{qty} {unit}，将于 {on} 过期</translation>
    </message>
  </context>
  <context>
    <name>StockFiles</name>
    <message>
      <source>%1 rows read: %2 change the stock, %3 rows have problems and will be skipped. Nothing is recorded until you press Apply.</source>
      <translation>已读取 %1 行：%2 行会改变库存，%3 行有问题将被跳过。按“应用”之前不会记录任何内容。</translation>
    </message>
    <message>
      <source>Change</source>
      <translation>更改</translation>
    </message>
    <message>
      <source>Counted</source>
      <translation>清点数</translation>
    </message>
    <message>
      <source>Import stock count — %1</source>
      <translation>导入库存盘点 — %1</translation>
    </message>
    <message>
      <source>Item</source>
      <translation>物品</translation>
    </message>
    <message>
      <source>Line</source>
      <translation>线</translation>
    </message>
    <message>
      <source>Location</source>
      <translation>存放点</translation>
    </message>
    <message>
      <source>Now</source>
      <translation>现在</translation>
    </message>
    <message>
      <source>Problem</source>
      <translation>问题</translation>
    </message>
    <message>
      <source>Reading %1 …</source>
      <translation>正在读取 %1 …</translation>
    </message>
    <message>
      <source>Rows that will be skipped:</source>
      <translation>将被跳过的行：</translation>
    </message>
    <message>
      <source>This file cannot be imported: %1</source>
      <translation>无法导入此文件：%1</translation>
    </message>
    <message>
      <source>file</source>
      <translation>文件</translation>
    </message>
    <message>
      <source>no change</source>
      <translation>无变化</translation>
    </message>
  </context>
  <context>
    <name>StockTableModel</name>
    <message>
      <source>&lt; 1 day</source>
      <translation>不足 1 天</translation>
    </message>
    <message>
      <source>Category</source>
      <translation>类别</translation>
    </message>
    <message>
      <source>Days of cover</source>
      <translation>可维持天数</translation>
    </message>
    <message>
      <source>Earliest expiry</source>
      <translation>最早过期</translation>
    </message>
    <message>
      <source>Item</source>
      <translation>物品</translation>
    </message>
    <message>
      <source>Level</source>
      <translation>水平</translation>
    </message>
    <message>
      <source>Location</source>
      <translation>存放点</translation>
    </message>
    <message>
      <source>Min</source>
      <translation>最低</translation>
    </message>
    <message>
      <source>On hand</source>
      <translation>现有</translation>
    </message>
    <message>
      <source>Recent use: %1 %2 per day</source>
      <translation>近期用量：每天 %1 %2</translation>
    </message>
    <message>
      <source>Target</source>
      <translation>目标量</translation>
    </message>
    <message>
      <source>days</source>
      <translation>天</translation>
    </message>
    <message>
      <source>no recent use</source>
      <translation>近期未使用</translation>
    </message>
  </context>
  <context>
    <name>StockView</name>
    <message>
      <source>All categories</source>
      <translation>全部类别</translation>
    </message>
    <message>
      <source>All locations</source>
      <translation>全部存放点</translation>
    </message>
    <message>
      <source>Category</source>
      <translation>类别</translation>
    </message>
    <message>
      <source>Critical items only</source>
      <translation>仅关键物品</translation>
    </message>
    <message>
      <source>Location</source>
      <translation>存放点</translation>
    </message>
    <message>
      <source>Sort by days of cover at the last 7 days' use</source>
      <translation>按最近 7 天用量可维持的天数排序</translation>
    </message>
    <message>
      <source>This location</source>
      <translation>此存放点</translation>
    </message>
    <message>
      <source>What runs out first</source>
      <translation>最先耗尽</translation>
    </message>
    <message>
      <source>all locations</source>
      <translation>全部存放点</translation>
    </message>
  </context>
  <context>
    <name>Stored</name>
    <message>
      <source> (lot {lot})</source>
      <translation>（批次 {lot}）</translation>
    </message>
    <message>
      <source> ({length} digits is the {other}'s; set model = "{other}")</source>
      <translation>（{length} 位是 {other} 的密钥长度；请设置 model = "{other}"）</translation>
    </message>
    <message>
      <source> · battery {percent} %</source>
      <translation> · 电量 {percent}%</translation>
    </message>
    <message>
      <source> · heard {time}</source>
      <translation> · {time} 收到</translation>
    </message>
    <message>
      <source>'{raw}' is not a time of day (00:00 to 23:59).</source>
      <translation>“{raw}”不是一天中的时间（00:00 至 23:59）。</translation>
    </message>
    <message>
      <source>'{raw}' is not a time: use 2026-12-06 06:00, 06:00, now or -12h.</source>
      <translation>“{raw}”不是时间：请使用 2026-12-06 06:00、06:00、now 或 -12h。</translation>
    </message>
    <message>
      <source>'{raw}' is out of range.</source>
      <translation>“{raw}”超出范围。</translation>
    </message>
    <message>
      <source>+ERR without a numeric code</source>
      <translation>+ERR 后面没有数字错误码</translation>
    </message>
    <message>
      <source>+RCV RSSI or SNR is not a number</source>
      <translation>+RCV 的 RSSI 或 SNR 不是数字</translation>
    </message>
    <message>
      <source>+RCV address or length is not a number</source>
      <translation>+RCV 的地址或长度不是数字</translation>
    </message>
    <message>
      <source>+RCV address or length out of range</source>
      <translation>+RCV 的地址或长度超出范围</translation>
    </message>
    <message>
      <source>+RCV length field {n} does not fit the line (wrong length, or RSSI/SNR missing)</source>
      <translation>+RCV 的长度字段 {n} 与该行不符（长度有误，或缺少 RSSI/SNR）</translation>
    </message>
    <message>
      <source>+RCV truncated: length field {n}, only {got} bytes follow</source>
      <translation>+RCV 被截断：长度字段为 {n}，后面只有 {got} 字节</translation>
    </message>
    <message>
      <source>+READY during {command}: the modem rebooted</source>
      <translation>执行 {command} 时收到 +READY：调制解调器已重启</translation>
    </message>
    <message>
      <source>+READY: the modem rebooted; configuration will be re-applied</source>
      <translation>+READY：调制解调器已重启，将重新写入配置</translation>
    </message>
    <message>
      <source>, </source>
      <translation>、</translation>
    </message>
    <message>
      <source>, refers to #{id}</source>
      <translation>，引用 #{id}</translation>
    </message>
    <message>
      <source>--device {why}</source>
      <translation>--device 参数有误：{why}</translation>
    </message>
    <message>
      <source>: {reason}</source>
      <translation>：{reason}</translation>
    </message>
    <message>
      <source>; it reports {status}</source>
      <translation>；其报告：{status}</translation>
    </message>
    <message>
      <source>A barcode has 1 to 64 characters.</source>
      <translation>条形码应为 1 到 64 个字符。</translation>
    </message>
    <message>
      <source>A call sign is 1-9 of A-Z, 0-9, / and -.</source>
      <translation>呼号由 1 至 9 个字符组成，只能使用 A-Z、0-9、/ 和 -。</translation>
    </message>
    <message>
      <source>A device needs a port (a path or a URL such as socket://host:port).</source>
      <translation>设备需要指定端口（设备路径，或 socket://host:port 这样的地址）。</translation>
    </message>
    <message>
      <source>A link name is at most 60 characters.</source>
      <translation>链路名称最多 60 个字符。</translation>
    </message>
    <message>
      <source>A location named '{name}' exists already.</source>
      <translation>已有名为“{name}”的存放点。</translation>
    </message>
    <message>
      <source>A name is required.</source>
      <translation>必须填写姓名。</translation>
    </message>
    <message>
      <source>A risk point needs a location.</source>
      <translation>风险点需要一个位置。</translation>
    </message>
    <message>
      <source>A siren needs a name and a unit id 1..247.</source>
      <translation>警报器需要名称和 1..247 的单元编号。</translation>
    </message>
    <message>
      <source>A team needs a name.</source>
      <translation>队伍需要一个名称。</translation>
    </message>
    <message>
      <source>A team needs at least one member.</source>
      <translation>队伍至少需要一名成员。</translation>
    </message>
    <message>
      <source>A test is silent or growl.</source>
      <translation>测试只能是静音测试或低鸣测试。</translation>
    </message>
    <message>
      <source>A time is empty: give a date and time such as 2026-12-06 06:00.</source>
      <translation>有一个时间为空：请填写日期和时间，例如 2026-12-06 06:00。</translation>
    </message>
    <message>
      <source>A title is required.</source>
      <translation>标题为必填项。</translation>
    </message>
    <message>
      <source>A transfer needs two different locations.</source>
      <translation>调拨需要两个不同的存放点。</translation>
    </message>
    <message>
      <source>A zone may have at most {limit} corners.</source>
      <translation>一个区域最多可有 {limit} 个角点。</translation>
    </message>
    <message>
      <source>A {kind} has no destination location.</source>
      <translation>{kind}操作没有目的存放点。</translation>
    </message>
    <message>
      <source>A {kind} has no source location.</source>
      <translation>{kind}操作没有来源存放点。</translation>
    </message>
    <message>
      <source>A {kind} report is written as {formats}, not {fmt}.</source>
      <translation>{kind} 报告只能写成 {formats}，不能写成 {fmt}。</translation>
    </message>
    <message>
      <source>Adding an operator needs an administrator: give --as NAME (the PIN comes from OPS_CONSOLE_PIN or is asked for).</source>
      <translation>添加值班员需要管理员：请用 --as 姓名 指定（PIN 码取自 OPS_CONSOLE_PIN，否则会询问）。</translation>
    </message>
    <message>
      <source>Adjusted {quantity} {unit} {item}</source>
      <translation>调整 {item} {quantity} {unit}</translation>
    </message>
    <message>
      <source>Already checked in (at another station just now).</source>
      <translation>已签到（刚刚在另一个签到点）。</translation>
    </message>
    <message>
      <source>Already on a team: {people}.</source>
      <translation>已在其他队伍中：{people}。</translation>
    </message>
    <message>
      <source>An adjustment changes one location: give it once.</source>
      <translation>一次调整只改变一个存放点：请只填写一个。</translation>
    </message>
    <message>
      <source>An adjustment needs a reason (stock count, damaged, found …).</source>
      <translation>调整需要填写原因（盘点、损坏、找到……）。</translation>
    </message>
    <message>
      <source>An adjustment of zero changes nothing.</source>
      <translation>调整量为零不会改变任何内容。</translation>
    </message>
    <message>
      <source>An item named '{name}' exists already.</source>
      <translation>已有名为“{name}”的物品。</translation>
    </message>
    <message>
      <source>An item named '{name}' or with barcode '{barcode}' exists already.</source>
      <translation>已有名为“{name}”或条码为“{barcode}”的物品。</translation>
    </message>
    <message>
      <source>An operator called {name} already exists.</source>
      <translation>已有名为 {name} 的值班员。</translation>
    </message>
    <message>
      <source>Area {n}, circle</source>
      <translation>区域 {n} 的圆</translation>
    </message>
    <message>
      <source>Area {n}, polygon</source>
      <translation>区域 {n} 的多边形</translation>
    </message>
    <message>
      <source>BROKEN at entry {id}: {why}</source>
      <translation>已损坏，位于第 {id} 条记录：{why}</translation>
    </message>
    <message>
      <source>BROKEN: {why}</source>
      <translation>已损坏：{why}</translation>
    </message>
    <message>
      <source>Backup here works on SQLite files. For PostgreSQL use the server's own tools (pg_dump), or copy the post to a SQLite file with ops-console db copy.</source>
      <translation>此处的备份只适用于 SQLite 文件。PostgreSQL 请使用服务器自带的工具（pg_dump），或用 ops-console db copy 把站点复制到 SQLite 文件。</translation>
    </message>
    <message>
      <source>Backup written to {path}</source>
      <translation>备份已写入 {path}</translation>
    </message>
    <message>
      <source>Badge {badge} already belongs to someone else on the roster.</source>
      <translation>胸牌 {badge} 已属于名册上的其他人。</translation>
    </message>
    <message>
      <source>Badge {badge} already belongs to someone on the roster.</source>
      <translation>胸牌 {badge} 已属于名册中的其他人。</translation>
    </message>
    <message>
      <source>CAP alert {id} no longer exists.</source>
      <translation>CAP 警报 {id} 已不存在。</translation>
    </message>
    <message>
      <source>CAP file {name} refused: {why}</source>
      <translation>CAP 文件 {name} 被拒绝：{why}</translation>
    </message>
    <message>
      <source>CAP {type} received from {sender} ({status}): {headline}{linked}</source>
      <translation>收到来自 {sender} 的 CAP {type}（{status}）：{headline}{linked}</translation>
    </message>
    <message>
      <source>CRC error</source>
      <translation>CRC 校验错误</translation>
    </message>
    <message>
      <source>CRC is not 4 hex digits</source>
      <translation>CRC 不是 4 位十六进制数字</translation>
    </message>
    <message>
      <source>CRC mismatch (frame corrupted)</source>
      <translation>CRC 校验不符（帧已损坏）</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>Cancel all</source>
      <translation>全部取消</translation>
    </message>
    <message>
      <source>Cancel uncommanded activation</source>
      <translation>取消无指令鸣响</translation>
    </message>
    <message>
      <source>Cancelled: no file was written.</source>
      <translation>已取消：未写入任何文件。</translation>
    </message>
    <message>
      <source>Capacity must be between 1 and {limit}.</source>
      <translation>容量必须在 1 到 {limit} 之间。</translation>
    </message>
    <message>
      <source>Changing the PIN policy needs an administrator: give --as NAME.</source>
      <translation>更改 PIN 码规则需要管理员：请用 --as 姓名 指定。</translation>
    </message>
    <message>
      <source>Checked in: {name}</source>
      <translation>已签到：{name}</translation>
    </message>
    <message>
      <source>Checked out: {name}</source>
      <translation>已签退：{name}</translation>
    </message>
    <message>
      <source>Choose a zone or sirens for the warning's area.</source>
      <translation>请为预警范围选择一个区域或警报器。</translation>
    </message>
    <message>
      <source>Choose at least one siren.</source>
      <translation>请至少选择一台警报器。</translation>
    </message>
    <message>
      <source>Choose every/first..last and a weekday.</source>
      <translation>请选择“每周/第一个……最后一个”以及星期几。</translation>
    </message>
    <message>
      <source>Choose where the stock comes from.</source>
      <translation>请选择物资的来源存放点。</translation>
    </message>
    <message>
      <source>Choose where the stock goes.</source>
      <translation>请选择物资的去向存放点。</translation>
    </message>
    <message>
      <source>Column missing: name. The first line has {found}. Expected a header like: name,phone,badge,team,skills,languages,availability,emergency_contact.</source>
      <translation>缺少列：name（姓名）。第一行为 {found}。表头应类似：name,phone,badge,team,skills,languages,availability,emergency_contact。</translation>
    </message>
    <message>
      <source>Columns missing: {missing}. Expected a header like: sensor_id,name,kind,unit,location,lat,lon,node,interval_s,advisory,warning,emergency,hysteresis,rise,rise_window_min.</source>
      <translation>缺少列：{missing}。表头应类似：sensor_id,name,kind,unit,location,lat,lon,node,interval_s,advisory,warning,emergency,hysteresis,rise,rise_window_min。</translation>
    </message>
    <message>
      <source>Columns missing: {missing}. The first line has {found}. Expected a header like: item,location,quantity,lot,expiry.</source>
      <translation>缺少列：{missing}。第一行为 {found}。表头应类似：item,location,quantity,lot,expiry。</translation>
    </message>
    <message>
      <source>Columns missing: {missing}. The first line has {found}. Expected a header like: item,location,quantity,lot,expiry. Only one column was found: is the delimiter a comma, semicolon or tab?</source>
      <translation>缺少列：{missing}。第一行为 {found}。表头应类似：item,location,quantity,lot,expiry。只找到一列：分隔符是否为逗号、分号或制表符？</translation>
    </message>
    <message>
      <source>Consumed {quantity} {unit} {item}</source>
      <translation>消耗 {item} {quantity} {unit}</translation>
    </message>
    <message>
      <source>Could not write {path}: the disk is full (or the file is larger than this system allows). Nothing was saved; free some space or choose another place.</source>
      <translation>无法写入 {path}：磁盘已满（或文件超出本系统允许的大小）。未保存任何内容；请释放空间或选择其他位置。</translation>
    </message>
    <message>
      <source>Could not write {path}: {why}. Nothing was saved.</source>
      <translation>无法写入 {path}：{why}。未保存任何内容。</translation>
    </message>
    <message>
      <source>Coverage of sirens {names}</source>
      <translation>警报器覆盖范围：{names}</translation>
    </message>
    <message>
      <source>DISK FULL: the database {name} cannot grow</source>
      <translation>磁盘已满：数据库 {name} 无法继续增大</translation>
    </message>
    <message>
      <source>DISK FULL: the spool {path} cannot grow</source>
      <translation>磁盘已满：缓冲文件 {path} 无法继续增大</translation>
    </message>
    <message>
      <source>Delivery {id} no longer exists.</source>
      <translation>投递 {id} 已不存在。</translation>
    </message>
    <message>
      <source>Demo register: {n} residents who need help registered</source>
      <translation>演示登记：已登记 {n} 名需要帮助的居民</translation>
    </message>
    <message>
      <source>Disk full: the spool {spool} cannot be opened: {why}. Free space or give another place with --spool (or [radio] spool in the config file).</source>
      <translation>磁盘已满：无法打开缓存文件 {spool}：{why}。请释放空间，或用 --spool（或配置文件中的 [radio] spool）指定其他位置。</translation>
    </message>
    <message>
      <source>Do not put the database password on the command line ({what}; it stays in the shell history): give it in PGPASSWORD, in ~/.pgpass, or in the config file.</source>
      <translation>请勿在命令行中输入数据库密码（{what}；它会留在 shell 历史记录中）：请通过 PGPASSWORD、~/.pgpass 或配置文件提供。</translation>
    </message>
    <message>
      <source>Does not match “{name}”. After “{same}” the text differs: you typed “{typed}” where “{expected}” is expected.</source>
      <translation>与“{name}”不符。在“{same}”之后的文字不同：您输入的是“{typed}”，应为“{expected}”。</translation>
    </message>
    <message>
      <source>Does not match “{name}”. The first character differs: you typed “{typed}” where “{expected}” is expected.</source>
      <translation>与“{name}”不符。第一个字符不同：您输入的是“{typed}”，应为“{expected}”。</translation>
    </message>
    <message>
      <source>Draw at least three corners.</source>
      <translation>请至少画出三个角点。</translation>
    </message>
    <message>
      <source>EMERGENCY level: {where} reads {value} {unit} ({detail}), heard {time} UTC</source>
      <translation>紧急等级：{where} 读数 {value} {unit}（{detail}），收到时间 {time} UTC</translation>
    </message>
    <message>
      <source>EXERCISE (not sent)</source>
      <translation>演练（未发送）</translation>
    </message>
    <message>
      <source>EXERCISE mode (a growl is audible)</source>
      <translation>演练模式（低鸣音可被听到）</translation>
    </message>
    <message>
      <source>EXERCISE warning #{id} {step} by {who}</source>
      <translation>演练预警 #{id} 由 {who} {step}</translation>
    </message>
    <message>
      <source>EXERCISE {hazard} warning #{id} drafted by {who}: {headline}</source>
      <translation>演练 {hazard}预警 #{id} 由 {who} 起草：{headline}</translation>
    </message>
    <message>
      <source>Exercise records purged: {what}</source>
      <translation>已清除演练记录：{what}</translation>
    </message>
    <message>
      <source>Four-eyes rule for warnings switched OFF (single-supervisor shift) by {who}</source>
      <translation>{who} 关闭了预警双人复核规则（单主管值班）</translation>
    </message>
    <message>
      <source>Four-eyes rule for warnings switched ON by {who}</source>
      <translation>{who} 开启了预警双人复核规则</translation>
    </message>
    <message>
      <source>Frames heard while the database is away will wait in memory only: {why}</source>
      <translation>数据库不可用期间收到的帧只能暂存在内存中：{why}</translation>
    </message>
    <message>
      <source>Friday</source>
      <translation>星期五</translation>
    </message>
    <message>
      <source>From is required on an ICS-213.</source>
      <translation>ICS-213 必须填写“发件人”。</translation>
    </message>
    <message>
      <source>Give a category (up to 60 characters), e.g. Flood defence.</source>
      <translation>请填写类别（不超过 60 个字符），例如“防洪”。</translation>
    </message>
    <message>
      <source>Give a unit (up to 40 characters), e.g. bag, box of 20, litre.</source>
      <translation>请填写单位（不超过 40 个字符），例如袋、20 个装箱、升。</translation>
    </message>
    <message>
      <source>Give a whole number from 0 to {most}.</source>
      <translation>请填写 0 到 {most} 之间的整数。</translation>
    </message>
    <message>
      <source>Give both latitude and longitude, or neither.</source>
      <translation>请同时填写纬度和经度，或都不填。</translation>
    </message>
    <message>
      <source>Give the item a name (up to 120 characters).</source>
      <translation>请为物品命名（不超过 120 个字符）。</translation>
    </message>
    <message>
      <source>Give the location a name (up to 120 characters).</source>
      <translation>请为存放点命名（不超过 120 个字符）。</translation>
    </message>
    <message>
      <source>Give the risk point a name.</source>
      <translation>请为风险点命名。</translation>
    </message>
    <message>
      <source>Give the shelter a name.</source>
      <translation>请为避难场所命名。</translation>
    </message>
    <message>
      <source>Give the zone a name residents will recognise.</source>
      <translation>请为区域取一个居民能认出的名称。</translation>
    </message>
    <message>
      <source>Growl test “{name}” scheduled: {rule}</source>
      <translation>已安排低鸣测试“{name}”：{rule}</translation>
    </message>
    <message>
      <source>Ignored columns: {columns}.</source>
      <translation>已忽略的列：{columns}。</translation>
    </message>
    <message>
      <source>Incident #{id} closed: {title}</source>
      <translation>事件 #{id} 已关闭：{title}</translation>
    </message>
    <message>
      <source>Incident #{id} edited: {title}</source>
      <translation>事件 #{id} 已编辑：{title}</translation>
    </message>
    <message>
      <source>Incident #{id} reported: {title}</source>
      <translation>事件 #{id} 已上报：{title}</translation>
    </message>
    <message>
      <source>Incident {id} no longer exists.</source>
      <translation>事件 {id} 已不存在。</translation>
    </message>
    <message>
      <source>Inspect between every day and every ten years.</source>
      <translation>巡查周期须在每天一次到每十年一次之间。</translation>
    </message>
    <message>
      <source>Issued {quantity} {unit} {item}</source>
      <translation>发放 {item} {quantity} {unit}</translation>
    </message>
    <message>
      <source>It needs {seconds} s on air, more than the {budget} s budget per hour.</source>
      <translation>需要占用信道 {seconds} 秒，超过每小时 {budget} 秒的发射时间限额。</translation>
    </message>
    <message>
      <source>Item added: {name} ({category}, {unit})</source>
      <translation>已添加物品：{name}（{category}，{unit}）</translation>
    </message>
    <message>
      <source>Keep a log line under {limit} characters.</source>
      <translation>每条日志不得超过 {limit} 个字符。</translation>
    </message>
    <message>
      <source>Keep it under {limit} characters.</source>
      <translation>请不要超过 {limit} 个字符。</translation>
    </message>
    <message>
      <source>Keep the delivery place under 200 characters.</source>
      <translation>送达地点请不要超过 200 个字符。</translation>
    </message>
    <message>
      <source>Keep the lot number under 60 characters.</source>
      <translation>批次号请不要超过 60 个字符。</translation>
    </message>
    <message>
      <source>Keep the name under {limit} characters.</source>
      <translation>姓名不得超过 {limit} 个字符。</translation>
    </message>
    <message>
      <source>Keep the reason under 1000 characters.</source>
      <translation>原因请不要超过 1000 个字符。</translation>
    </message>
    <message>
      <source>Keep the title under {limit} characters.</source>
      <translation>标题请不要超过 {limit} 个字符。</translation>
    </message>
    <message>
      <source>LIVE</source>
      <translation>实战</translation>
    </message>
    <message>
      <source>Last position of {station}, {time} UTC ({lat}, {lon})</source>
      <translation>{station} 的最后位置，{time} UTC（{lat}, {lon}）</translation>
    </message>
    <message>
      <source>Latitude must be between -90 and 90 degrees.</source>
      <translation>纬度必须在 -90 到 90 度之间。</translation>
    </message>
    <message>
      <source>Longitude must be between -180 and 180 degrees.</source>
      <translation>经度必须在 -180 到 180 度之间。</translation>
    </message>
    <message>
      <source>MAYDAY from {team} ({callsign}), raised at the post by {who}</source>
      <translation>{team}（{callsign}）发出 MAYDAY，由指挥所的 {who} 发起</translation>
    </message>
    <message>
      <source>MAYDAY from {team} ({callsign}), raised by {how}</source>
      <translation>{team}（{callsign}）发出 MAYDAY，由{how}发起</translation>
    </message>
    <message>
      <source>MAYDAY of {team} acknowledged by {who}</source>
      <translation>{who} 已确认 {team} 的 MAYDAY</translation>
    </message>
    <message>
      <source>Map layers</source>
      <translation>地图图层</translation>
    </message>
    <message>
      <source>Message #{number} is already filed as {entity} #{id}.</source>
      <translation>第 {number} 号消息已归档为{entity} #{id}。</translation>
    </message>
    <message>
      <source>Message #{number} is {status}; it cannot be {verb}.</source>
      <translation>消息 #{number} 当前为「{status}」，无法{verb}。</translation>
    </message>
    <message>
      <source>Message is required on an ICS-213.</source>
      <translation>ICS-213 必须填写“消息正文”。</translation>
    </message>
    <message>
      <source>Monday</source>
      <translation>星期一</translation>
    </message>
    <message>
      <source>Name the place residents will recognise.</source>
      <translation>请填写居民能认出的地点名称。</translation>
    </message>
    <message>
      <source>No radio device configured: give --device lora:PORT[@BAUD] or a [[device]] in the config file (or --demo for the simulator).</source>
      <translation>未配置无线电设备：请用 --device lora:端口[@波特率] 指定，或在配置文件中添加 [[device]]（或用 --demo 启动模拟器）。</translation>
    </message>
    <message>
      <source>No team is called {team}; add the team first.</source>
      <translation>没有名为 {team} 的队伍；请先添加该队伍。</translation>
    </message>
    <message>
      <source>No team is in the field: there is nobody to account for.</source>
      <translation>没有队伍在外执行任务：无需清点人员。</translation>
    </message>
    <message>
      <source>No volunteer on the roster has badge '{code}'.</source>
      <translation>名册上没有志愿者持有证件“{code}”。</translation>
    </message>
    <message>
      <source>Nobody is signed on at this workstation.</source>
      <translation>本工作站无人登录。</translation>
    </message>
    <message>
      <source>Not checked in: {names}. Check them in first.</source>
      <translation>尚未签到：{names}。请先为其签到。</translation>
    </message>
    <message>
      <source>OK: {n} audit entries, hash chain intact</source>
      <translation>正常：共 {n} 条审计记录，哈希链完整</translation>
    </message>
    <message>
      <source>Occupancy must be between 0 and {limit}.</source>
      <translation>在场人数必须在 0 到 {limit} 之间。</translation>
    </message>
    <message>
      <source>Only {available} {unit} of {item} at {place}{lot}; cannot {kind} {quantity}. Nothing was recorded.</source>
      <translation>{place}只有 {item} {available} {unit}{lot}；无法{kind} {quantity}。未记录任何内容。</translation>
    </message>
    <message>
      <source>Only {n} are still outstanding on request #{id}.</source>
      <translation>申请 #{id} 仅剩 {n} 未满足。</translation>
    </message>
    <message>
      <source>Operator {name} added as {role}</source>
      <translation>已添加操作员 {name}，角色为{role}</translation>
    </message>
    <message>
      <source>Other workstations' changes could not be read; retrying. See the log for details.</source>
      <translation>无法读取其他工作站的更改，正在重试。详见日志。</translation>
    </message>
    <message>
      <source>Outbound message {id} no longer exists.</source>
      <translation>外发消息 {id} 已不存在。</translation>
    </message>
    <message>
      <source>PAR INCOMPLETE: {answered} of {asked} team(s) answered; missing: {missing}</source>
      <translation>PAR 清点未完成：{asked} 支队伍中 {answered} 支已应答；未应答：{missing}</translation>
    </message>
    <message>
      <source>PAR complete: all {n} team(s) in the field accounted for</source>
      <translation>PAR 清点完成：在外的 {n} 支队伍全部确认</translation>
    </message>
    <message>
      <source>PAR confirmed by voice for {team} ({callsign}) by {who}</source>
      <translation>{who} 通过语音确认了 {team}（{callsign}）的 PAR</translation>
    </message>
    <message>
      <source>PAR confirmed by {how} for {team} ({callsign}) by {who}</source>
      <translation>{who} 通过{how}确认了 {team}（{callsign}）的 PAR</translation>
    </message>
    <message>
      <source>PAR roll call started: {n} team(s) in the field</source>
      <translation>PAR 点名已开始：{n} 支队伍在外执行</translation>
    </message>
    <message>
      <source>PIN lengths must be 4 to {most} digits.</source>
      <translation>PIN 长度必须为 4 到 {most} 位。</translation>
    </message>
    <message>
      <source>PIN policy: supervisors and admins {lead}+ digits, others {other}+</source>
      <translation>PIN 策略：主管和管理员至少 {lead} 位，其他人至少 {other} 位</translation>
    </message>
    <message>
      <source>R-{id} checked in</source>
      <translation>R-{id} 已入住</translation>
    </message>
    <message>
      <source>R-{id} left</source>
      <translation>R-{id} 已离开</translation>
    </message>
    <message>
      <source>RX failed, header error</source>
      <translation>接收失败，帧头错误</translation>
    </message>
    <message>
      <source>RX is over time</source>
      <translation>接收超时</translation>
    </message>
    <message>
      <source>Radio frames are not being stored: {why} ({spool} waiting in the spool, {memory} in memory)</source>
      <translation>电台帧未能存储：{why}（缓冲文件中 {spool} 条待存，内存中 {memory} 条）</translation>
    </message>
    <message>
      <source>Radio frames are stored again.</source>
      <translation>电台帧已恢复存储。</translation>
    </message>
    <message>
      <source>Radio message #{number} from {station} filed as incident #{id}</source>
      <translation>来自 {station} 的电台消息 #{number} 已登记为事件 #{id}</translation>
    </message>
    <message>
      <source>Radio message #{number} from {station} filed as task #{id}</source>
      <translation>来自 {station} 的电台消息 #{number} 已登记为任务 #{id}</translation>
    </message>
    <message>
      <source>Radio message #{number} from {station} filed as {entity} #{id}</source>
      <translation>来自 {station} 的电台消息 #{number} 已登记为 {entity} #{id}</translation>
    </message>
    <message>
      <source>Radio message #{number} to {call} queued ({precedence}): {text}</source>
      <translation>发给 {call} 的电台消息 #{number} 已排队（{precedence}）：{text}</translation>
    </message>
    <message>
      <source>Radio message #{number} to {recipient} {verb}</source>
      <translation>发往 {recipient} 的无线电消息 #{number} {verb}</translation>
    </message>
    <message>
      <source>Radio message {id} no longer exists.</source>
      <translation>无线电消息 {id} 已不存在。</translation>
    </message>
    <message>
      <source>Radio message {station}/{number}</source>
      <translation>无线电消息 {station}/{number}</translation>
    </message>
    <message>
      <source>Radio {precedence} from {station} #{number}, heard {at} UTC [radio message {id}]:</source>
      <translation>来自 {station} 的{precedence}无线电消息 #{number}，收到于 {at} UTC [无线电消息 {id}]：</translation>
    </message>
    <message>
      <source>Radio {precedence} from {station} #{number}: {text}</source>
      <translation>来自 {station} 的{precedence}无线电消息 #{number}：{text}</translation>
    </message>
    <message>
      <source>Radio {precedence} from {station} (plain text, unverified), heard {at} UTC [radio message {id}]:</source>
      <translation>来自 {station} 的{precedence}无线电消息（纯文本，未经验证），收到于 {at} UTC [无线电消息 {id}]：</translation>
    </message>
    <message>
      <source>Radio {precedence} from {station}: {text}</source>
      <translation>来自 {station} 的{precedence}无线电消息：{text}</translation>
    </message>
    <message>
      <source>Radio {radio}: {detail}</source>
      <translation>电台 {radio}：{detail}</translation>
    </message>
    <message>
      <source>Received {quantity} {unit} {item}</source>
      <translation>接收 {item} {quantity} {unit}</translation>
    </message>
    <message>
      <source>Request #{id} from {who}</source>
      <translation>{who} 的申请 #{id}</translation>
    </message>
    <message>
      <source>Request #{id} from {who}: {quantity} {unit} {item} to {place} ({priority})</source>
      <translation>请求 #{id}，来自 {who}：{quantity} {unit} {item}，送至 {place}（{priority}）</translation>
    </message>
    <message>
      <source>Request #{id} is {current} and cannot be {status} now.</source>
      <translation>申请 #{id} 的状态为{current}，现在不能改为{status}。</translation>
    </message>
    <message>
      <source>Request #{id} is {status}; only an approved request can be fulfilled.</source>
      <translation>申请 #{id} 的状态为{status}；只有已批准的申请才能满足。</translation>
    </message>
    <message>
      <source>Request #{id} {status}</source>
      <translation>请求 #{id} {status}</translation>
    </message>
    <message>
      <source>Request #{id} {status}: {done} of {quantity}</source>
      <translation>请求 #{id} {status}：已送达 {done} / {quantity}</translation>
    </message>
    <message>
      <source>Request #{id} {status}: {reason}</source>
      <translation>请求 #{id} {status}：{reason}</translation>
    </message>
    <message>
      <source>Request {id} no longer exists.</source>
      <translation>请求 {id} 已不存在。</translation>
    </message>
    <message>
      <source>Resident R-{id} edited ({fields})</source>
      <translation>居民 R-{id} 已编辑（{fields}）</translation>
    </message>
    <message>
      <source>Resident R-{id} is no longer registered.</source>
      <translation>居民 R-{id} 已不在登记中。</translation>
    </message>
    <message>
      <source>Resident R-{id} registered</source>
      <translation>居民 R-{id} 已登记</translation>
    </message>
    <message>
      <source>Resident R-{id}: {before} → {after}</source>
      <translation>居民 R-{id}：{before} → {after}</translation>
    </message>
    <message>
      <source>Resident record R-{id} opened</source>
      <translation>已打开居民记录 R-{id}</translation>
    </message>
    <message>
      <source>Residents register exported ({n} residents)</source>
      <translation>居民名册已导出（{n} 名居民）</translation>
    </message>
    <message>
      <source>Returned {quantity} {unit} {item}</source>
      <translation>归还 {item} {quantity} {unit}</translation>
    </message>
    <message>
      <source>Risk point #{id} added: {name}</source>
      <translation>已添加风险点 #{id}：{name}</translation>
    </message>
    <message>
      <source>Risk point #{id} edited: {name}</source>
      <translation>风险点 #{id} 已编辑：{name}</translation>
    </message>
    <message>
      <source>Risk point #{id} inspected: {finding}</source>
      <translation>风险点 #{id} 已巡查：{finding}</translation>
    </message>
    <message>
      <source>Risk point {id} no longer exists.</source>
      <translation>风险点 {id} 已不存在。</translation>
    </message>
    <message>
      <source>Roll call {id} does not exist.</source>
      <translation>点名 {id} 不存在。</translation>
    </message>
    <message>
      <source>Saturday</source>
      <translation>星期六</translation>
    </message>
    <message>
      <source>Say how the incident was resolved before closing it.</source>
      <translation>关闭事件前请说明处置结果。</translation>
    </message>
    <message>
      <source>Say what the inspection found.</source>
      <translation>请说明巡查发现了什么。</translation>
    </message>
    <message>
      <source>Say where to deliver: a stock location or a place.</source>
      <translation>请说明送往何处：一个存放点或一个地点。</translation>
    </message>
    <message>
      <source>Say which shelter the resident went to.</source>
      <translation>请说明该居民去了哪个避难场所。</translation>
    </message>
    <message>
      <source>Say which team or incident the stock is issued to.</source>
      <translation>请说明物资发放给哪个队伍或事件。</translation>
    </message>
    <message>
      <source>Say who asks (a name or callsign, up to 120 characters).</source>
      <translation>请说明由谁提出（姓名或呼号，不超过 120 个字符）。</translation>
    </message>
    <message>
      <source>Say why the request is denied; the field will be told.</source>
      <translation>请说明拒绝该请求的原因；现场会收到通知。</translation>
    </message>
    <message>
      <source>Scheduled growl test “{name}” started (request {request}); next {next} UTC</source>
      <translation>计划低鸣测试“{name}”已开始（请求 {request}）；下次 {next} UTC</translation>
    </message>
    <message>
      <source>Scheduled silent test “{name}” started (request {request}); next {next} UTC</source>
      <translation>计划静音测试“{name}”已开始（请求 {request}）；下次 {next} UTC</translation>
    </message>
    <message>
      <source>Scheduled test “{name}” skipped on {siren}: it is being activated by {who} (request {request}, {state})</source>
      <translation>计划测试“{name}”在 {siren} 上已跳过：{who} 正在启动该警报器（请求 {request}，{state}）</translation>
    </message>
    <message>
      <source>Scheduled test “{name}” skipped: {why}</source>
      <translation>计划测试“{name}”已跳过：{why}</translation>
    </message>
    <message>
      <source>Sensor alert {id} no longer exists.</source>
      <translation>传感器警报 {id} 已不存在。</translation>
    </message>
    <message>
      <source>Sensor {id} ({name}) changed</source>
      <translation>传感器 {id}（{name}）已修改</translation>
    </message>
    <message>
      <source>Sensor {id} ({name}) registered</source>
      <translation>传感器 {id}（{name}）已登记</translation>
    </message>
    <message>
      <source>Sensor {id} is not in the register.</source>
      <translation>传感器 {id} 不在登记册中。</translation>
    </message>
    <message>
      <source>Sensor {id} removed from the register</source>
      <translation>传感器 {id} 已从登记册中移除</translation>
    </message>
    <message>
      <source>Sensor {name}: EMERGENCY level</source>
      <translation>传感器 {name}：紧急等级</translation>
    </message>
    <message>
      <source>Shelter #{id} added: {name}</source>
      <translation>已添加避难所 #{id}：{name}</translation>
    </message>
    <message>
      <source>Shelter #{id} {name} now holds {n} ({why})</source>
      <translation>避难所 #{id} {name} 现有 {n} 人（{why}）</translation>
    </message>
    <message>
      <source>Shelter #{id} {name} {what}</source>
      <translation>避难所 #{id} {name} {what}</translation>
    </message>
    <message>
      <source>Shelter {id} no longer exists.</source>
      <translation>避难所 {id} 已不存在。</translation>
    </message>
    <message>
      <source>Shift closed out: {n} still checked in were checked out ({names})</source>
      <translation>班次结束：仍在场的 {n} 人已签退（{names}）</translation>
    </message>
    <message>
      <source>Sign on as an administrator to add operators.</source>
      <translation>请以管理员身份登录后再添加值班员。</translation>
    </message>
    <message>
      <source>Sign on before you {doing}.</source>
      <translation>请先登录，然后才能{doing}。</translation>
    </message>
    <message>
      <source>Silent test “{name}” scheduled: {rule}</source>
      <translation>已安排静音测试“{name}”：{rule}</translation>
    </message>
    <message>
      <source>Siren activation refused: {why}</source>
      <translation>警报器启动被拒绝：{why}</translation>
    </message>
    <message>
      <source>Siren alarm {id} no longer exists.</source>
      <translation>警报器告警 {id} 已不存在。</translation>
    </message>
    <message>
      <source>Siren bus {bus}: polling failed and is retried ({why})</source>
      <translation>警报器总线 {bus}：轮询失败，正在重试（{why}）</translation>
    </message>
    <message>
      <source>Siren test</source>
      <translation>警报器测试</translation>
    </message>
    <message>
      <source>Siren {id} no longer exists.</source>
      <translation>警报器 {id} 已不存在。</translation>
    </message>
    <message>
      <source>Siren {name} added (unit {unit} on {bus})</source>
      <translation>已添加警报器 {name}（总线 {bus} 上的单元 {unit}）</translation>
    </message>
    <message>
      <source>Stock count</source>
      <translation>库存盘点</translation>
    </message>
    <message>
      <source>Stock location added: {name} ({kind})</source>
      <translation>已添加库存地点：{name}（{kind}）</translation>
    </message>
    <message>
      <source>Subject is required on an ICS-213.</source>
      <translation>ICS-213 必须填写“主题”。</translation>
    </message>
    <message>
      <source>Sunday</source>
      <translation>星期日</translation>
    </message>
    <message>
      <source>TEST</source>
      <translation>测试</translation>
    </message>
    <message>
      <source>TX data exceeds 240 bytes</source>
      <translation>发射数据超过 240 字节</translation>
    </message>
    <message>
      <source>TX is over time</source>
      <translation>发射超时</translation>
    </message>
    <message>
      <source>Task #{id} assigned: {title}</source>
      <translation>任务 #{id} 已分派：{title}</translation>
    </message>
    <message>
      <source>Task #{id} created: {title}</source>
      <translation>任务 #{id} 已创建：{title}</translation>
    </message>
    <message>
      <source>Task #{id} edited: {title}</source>
      <translation>任务 #{id} 已编辑：{title}</translation>
    </message>
    <message>
      <source>Task #{id} lost its team ({team} disbanded): {title}</source>
      <translation>任务 #{id} 失去了队伍（{team} 已解散）：{title}</translation>
    </message>
    <message>
      <source>Task #{id} moved to {status}: {title}</source>
      <translation>任务 #{id} 已移至「{status}」：{title}</translation>
    </message>
    <message>
      <source>Task {id} no longer exists.</source>
      <translation>任务 {id} 已不存在。</translation>
    </message>
    <message>
      <source>Team disbanded: {team} ({callsign})</source>
      <translation>队伍已解散：{team}（{callsign}）</translation>
    </message>
    <message>
      <source>Team disbanded: {team} ({callsign}); its task #{id} “{title}” went back to New without a team</source>
      <translation>队伍已解散：{team}（{callsign}）；其任务 #{id}“{title}”已退回“新建”且无队伍</translation>
    </message>
    <message>
      <source>Team formed: {team} ({callsign}) with {n} member(s)</source>
      <translation>已组建队伍：{team}（{callsign}），共 {n} 名成员</translation>
    </message>
    <message>
      <source>Team {id} no longer exists (or was disbanded).</source>
      <translation>队伍 {id} 已不存在（或已解散）。</translation>
    </message>
    <message>
      <source>Team {id} no longer exists.</source>
      <translation>队伍 {id} 已不存在。</translation>
    </message>
    <message>
      <source>Team {team}: accountability timer {before} → {minutes} min</source>
      <translation>队伍 {team}：人员清点计时器 {before} → {minutes} 分钟</translation>
    </message>
    <message>
      <source>Team {team}: {before} → {after}</source>
      <translation>队伍 {team}：{before} → {after}</translation>
    </message>
    <message>
      <source>Team {team}: {status}</source>
      <translation>队伍 {team}：{status}</translation>
    </message>
    <message>
      <source>Team {team}: {status} on task #{task}</source>
      <translation>队伍 {team}：{status}，执行任务 #{task}</translation>
    </message>
    <message>
      <source>That incident no longer exists.</source>
      <translation>该事件已不存在。</translation>
    </message>
    <message>
      <source>That item is not in the catalogue (any more).</source>
      <translation>该物品不在（或已不在）目录中。</translation>
    </message>
    <message>
      <source>That item is not in the catalogue.</source>
      <translation>该物品不在目录中。</translation>
    </message>
    <message>
      <source>That item or location no longer exists.</source>
      <translation>该物资或存放地点已不存在。</translation>
    </message>
    <message>
      <source>That location does not exist (any more).</source>
      <translation>该存放点不存在（或已不存在）。</translation>
    </message>
    <message>
      <source>That location no longer exists.</source>
      <translation>该存放点已不存在。</translation>
    </message>
    <message>
      <source>That shelter no longer exists.</source>
      <translation>该避难场所已不存在。</translation>
    </message>
    <message>
      <source>That team no longer exists.</source>
      <translation>该队伍已不存在。</translation>
    </message>
    <message>
      <source>The CAP folder {folder} could not be read: {why}</source>
      <translation>无法读取 CAP 文件夹 {folder}：{why}</translation>
    </message>
    <message>
      <source>The FeatureCollection has no 'features' list.</source>
      <translation>该 FeatureCollection 没有 features 列表。</translation>
    </message>
    <message>
      <source>The PIN must be {least} to {most} digits.</source>
      <translation>PIN 码必须为 {least} 至 {most} 位数字。</translation>
    </message>
    <message>
      <source>The PIN of a supervisor or administrator must be {least} to {most} digits.</source>
      <translation>主管或管理员的 PIN 码必须为 {least} 至 {most} 位数字。</translation>
    </message>
    <message>
      <source>The accountability timer is 1 to 180 minutes.</source>
      <translation>人员清点计时器为 1 至 180 分钟。</translation>
    </message>
    <message>
      <source>The alert does not follow the CAP 1.2 schema (line {line}: {why}).</source>
      <translation>该警报不符合 CAP 1.2 规范（第 {line} 行：{why}）。</translation>
    </message>
    <message>
      <source>The alert does not follow the CAP 1.2 schema ({why}).</source>
      <translation>该警报不符合 CAP 1.2 规范（{why}）。</translation>
    </message>
    <message>
      <source>The audit head row is missing: this is not an Ops Console post.</source>
      <translation>缺少审计头记录：这不是 Ops Console 指挥所的数据库。</translation>
    </message>
    <message>
      <source>The backup failed: {why}</source>
      <translation>备份失败：{why}</translation>
    </message>
    <message>
      <source>The baud rate must be a positive whole number.</source>
      <translation>波特率必须是正整数。</translation>
    </message>
    <message>
      <source>The database file cannot be opened: its folder does not exist or is not accessible.</source>
      <translation>无法打开数据库文件：所在文件夹不存在或无法访问。</translation>
    </message>
    <message>
      <source>The database file is damaged or is not an Ops Console database. Restore a backup (ops-console db backup makes one).</source>
      <translation>数据库文件已损坏，或不是 Ops Console 数据库。请恢复备份（ops-console db backup 可制作备份）。</translation>
    </message>
    <message>
      <source>The database file is damaged. Restore a backup (ops-console db backup makes one).</source>
      <translation>数据库文件已损坏。请恢复备份（ops-console db backup 可制作备份）。</translation>
    </message>
    <message>
      <source>The database file is read-only. Check its permissions or choose another file with --db.</source>
      <translation>数据库文件为只读。请检查其权限，或用 --db 选择另一个文件。</translation>
    </message>
    <message>
      <source>The database file {name} is damaged: {found}. Restore a backup (ops-console db backup makes one); do not keep writing to this file.</source>
      <translation>数据库文件 {name} 已损坏：{found}。请恢复备份（ops-console db backup 可制作备份）；不要继续写入此文件。</translation>
    </message>
    <message>
      <source>The database file {path} does not exist. Check the path, or create it with: ops-console --db URL db upgrade</source>
      <translation>数据库文件 {path} 不存在。请检查路径，或用以下命令创建：ops-console --db URL db upgrade</translation>
    </message>
    <message>
      <source>The database is locked by another program. Close it or try again in a moment.</source>
      <translation>数据库已被另一个程序锁定。请关闭该程序或稍后再试。</translation>
    </message>
    <message>
      <source>The database is not reachable now ({why}). The gateway starts anyway: what it hears waits in the spool {spool} and is stored when the database answers.</source>
      <translation>目前无法连接数据库（{why}）。网关仍会启动：收到的内容先保存在缓存文件 {spool} 中，待数据库恢复响应后再存入。</translation>
    </message>
    <message>
      <source>The database named in the address does not exist on the server.</source>
      <translation>地址中指定的数据库在服务器上不存在。</translation>
    </message>
    <message>
      <source>The database reported an error: {why}</source>
      <translation>数据库报告错误：{why}</translation>
    </message>
    <message>
      <source>The database server cannot be reached.</source>
      <translation>无法连接到数据库服务器。</translation>
    </message>
    <message>
      <source>The database server refuses connections. Is PostgreSQL running at that address?</source>
      <translation>数据库服务器拒绝连接。该地址上的 PostgreSQL 是否在运行？</translation>
    </message>
    <message>
      <source>The database server rejected the user name or password.</source>
      <translation>数据库服务器拒绝了用户名或密码。</translation>
    </message>
    <message>
      <source>The disk is full: nothing more can be stored until space is freed.</source>
      <translation>磁盘已满：释放空间之前无法再保存任何内容。</translation>
    </message>
    <message>
      <source>The due time</source>
      <translation>截止时间</translation>
    </message>
    <message>
      <source>The file cannot be read ({why}).</source>
      <translation>无法读取该文件（{why}）。</translation>
    </message>
    <message>
      <source>The file cannot be read as CSV ({why}).</source>
      <translation>无法按 CSV 读取该文件（{why}）。</translation>
    </message>
    <message>
      <source>The file claims to be UTF-16 but cannot be read as such. Save it as “CSV UTF-8” and import again.</source>
      <translation>文件标明为 UTF-16 编码，但无法按该编码读取。请另存为“CSV UTF-8”后重新导入。</translation>
    </message>
    <message>
      <source>The file could not be read as XML ({why}).</source>
      <translation>无法将文件作为 XML 读取（{why}）。</translation>
    </message>
    <message>
      <source>The file could not be read: {why}.</source>
      <translation>无法读取文件：{why}。</translation>
    </message>
    <message>
      <source>The file declares XML entities (an entity-expansion attack is possible), so it was refused.</source>
      <translation>文件声明了 XML 实体（可能存在实体扩展攻击），因此已拒绝。</translation>
    </message>
    <message>
      <source>The file declares a DTD (which can hide entity bombs or fetch other files); CAP needs none, so it was refused.</source>
      <translation>文件声明了 DTD（可能隐藏实体炸弹或读取其他文件）；CAP 不需要 DTD，因此已拒绝。</translation>
    </message>
    <message>
      <source>The file has no [[sensor]] tables.</source>
      <translation>文件中没有 [[sensor]] 表。</translation>
    </message>
    <message>
      <source>The file has no rows that can be imported.</source>
      <translation>文件中没有可导入的行。</translation>
    </message>
    <message>
      <source>The file has {n} sensors; import at most {most} at a time.</source>
      <translation>文件有 {n} 个传感器；每次最多导入 {most} 个。</translation>
    </message>
    <message>
      <source>The file has {rows} rows; import at most {most} at a time.</source>
      <translation>文件有 {rows} 行；每次最多导入 {most} 行。</translation>
    </message>
    <message>
      <source>The file has {rows} rows; import at most {most}.</source>
      <translation>文件有 {rows} 行；最多导入 {most} 行。</translation>
    </message>
    <message>
      <source>The file is empty.</source>
      <translation>文件是空的。</translation>
    </message>
    <message>
      <source>The file is neither UTF-8 nor GBK text (unreadable byte at position {position}). Save it as “CSV UTF-8” and import again.</source>
      <translation>文件既不是 UTF-8 文本，也不是 GBK 文本（第 {position} 个字节无法识别）。请另存为“CSV UTF-8”后重新导入。</translation>
    </message>
    <message>
      <source>The file is not UTF-8 text (unreadable byte at position {position}). Save it as “CSV UTF-8” (not ANSI or GBK) and import again.</source>
      <translation>文件不是 UTF-8 文本（第 {position} 个字节无法识别）。请另存为“CSV UTF-8”（不要选 ANSI 或 GBK）后重新导入。</translation>
    </message>
    <message>
      <source>The file is not valid CSV: {why}.</source>
      <translation>文件不是有效的 CSV：{why}。</translation>
    </message>
    <message>
      <source>The file is not valid TOML: line {line}, column {column} ({why}).</source>
      <translation>文件不是有效的 TOML：第 {line} 行，第 {column} 列（{why}）。</translation>
    </message>
    <message>
      <source>The file is not valid TOML: {why}.</source>
      <translation>文件不是有效的 TOML：{why}。</translation>
    </message>
    <message>
      <source>The file is not well-formed XML ({why}).</source>
      <translation type="vanished">文件不是格式正确的 XML（{why}）。</translation>
    </message>
    <message>
      <source>The file is not well-formed XML ({why}: line {line}, column {column}).</source>
      <translation>文件不是格式正确的 XML（{why}：第 {line} 行，第 {column} 列）。</translation>
    </message>
    <message>
      <source>The file is over {kb} kB; a CAP alert is smaller, so it was not read.</source>
      <translation>文件超过 {kb} kB；CAP 预警不会这么大，因此未读取。</translation>
    </message>
    <message>
      <source>The file is {mb} MB; a CAP alert is at most {kb} kB, so it was not read.</source>
      <translation>文件大小为 {mb} MB；CAP 警报最多 {kb} kB，因此未读取。</translation>
    </message>
    <message>
      <source>The file is {size} MB; layers over {most} MB are refused so the map stays responsive. Split or simplify it first.</source>
      <translation>文件大小为 {size} MB；超过 {most} MB 的图层不予加载，以免地图卡顿。请先拆分或简化该文件。</translation>
    </message>
    <message>
      <source>The file refers to an external entity or file, so it was refused.</source>
      <translation>文件引用了外部实体或文件，因此已拒绝。</translation>
    </message>
    <message>
      <source>The first operator of a new post must be an administrator.</source>
      <translation>新指挥所的第一位值班员必须是管理员。</translation>
    </message>
    <message>
      <source>The folder {path} does not exist.</source>
      <translation>文件夹 {path} 不存在。</translation>
    </message>
    <message>
      <source>The inspection time</source>
      <translation>巡查时间</translation>
    </message>
    <message>
      <source>The inventory is not available on this console.</source>
      <translation>此控制台上没有物资库存功能。</translation>
    </message>
    <message>
      <source>The leader must be one of the members.</source>
      <translation>队长必须是队伍成员之一。</translation>
    </message>
    <message>
      <source>The map's live {layer} layer could not be read: {why}</source>
      <translation>无法读取地图的实时{layer}图层：{why}</translation>
    </message>
    <message>
      <source>The operational period ends ({end}) before it starts ({start}): give --from earlier than --to.</source>
      <translation>作业时段的结束时间（{end}）早于开始时间（{start}）：--from 必须早于 --to。</translation>
    </message>
    <message>
      <source>The page is too small for this form's header.</source>
      <translation>页面太小，放不下此表单的页眉。</translation>
    </message>
    <message>
      <source>The post's audit key copied to {path} (keep it with the backup, apart from other people)</source>
      <translation>本指挥所的审计密钥已复制到 {path}（请与备份一起保管，不要让他人接触）</translation>
    </message>
    <message>
      <source>The printer or PDF file could not be opened for drawing.</source>
      <translation>无法打开打印机或 PDF 文件进行绘制。</translation>
    </message>
    <message>
      <source>The quantity must be a whole number, e.g. -3.</source>
      <translation>数量必须是整数，例如 -3。</translation>
    </message>
    <message>
      <source>The quantity must be a whole number, e.g. 12.</source>
      <translation>数量必须是整数，例如 12。</translation>
    </message>
    <message>
      <source>The quantity must be more than zero; to take stock away, issue, consume or adjust it with a reason.</source>
      <translation>数量必须大于零；要减少库存，请发放、消耗或注明原因进行调整。</translation>
    </message>
    <message>
      <source>The radio outbox hit a problem and keeps trying; see the log.</source>
      <translation>电台发件箱遇到问题，正在继续重试；详见日志。</translation>
    </message>
    <message>
      <source>The radio port {port} is {why}. Only one program may read a modem: stop the other one first.</source>
      <translation>电台端口 {port} {why}。一个调制解调器只能由一个程序读取：请先停止另一个程序。</translation>
    </message>
    <message>
      <source>The radius must be between 1 m and {km} km.</source>
      <translation>半径必须在 1 米到 {km} 千米之间。</translation>
    </message>
    <message>
      <source>The report time</source>
      <translation>上报时间</translation>
    </message>
    <message>
      <source>The row has {n} fields but the header has {m}.</source>
      <translation>该行有 {n} 个字段，而表头有 {m} 个。</translation>
    </message>
    <message>
      <source>The sensor has no position, no zone covers it and there are no sirens: draw a zone first.</source>
      <translation>该传感器没有位置，没有区域覆盖它，也没有警报器：请先绘制一个区域。</translation>
    </message>
    <message>
      <source>The spool {path} is already open in this program.</source>
      <translation>缓冲文件 {path} 已在本程序中打开。</translation>
    </message>
    <message>
      <source>The spool {path} is in use by another running Ops Console (a gateway or a console window with radios). Each needs its own: give another file with --spool or [radio] spool.</source>
      <translation>缓冲文件 {path} 正被另一个运行中的 Ops Console（网关，或连接了电台的控制台窗口）使用。每个程序都需要自己的缓冲文件：请用 --spool 或 [radio] spool 指定另一个文件。</translation>
    </message>
    <message>
      <source>The spool {spool} cannot be opened: {why}. Free space or give another place with --spool (or [radio] spool in the config file).</source>
      <translation>无法打开缓存文件 {spool}：{why}。请释放空间，或用 --spool（或配置文件中的 [radio] spool）指定其他位置。</translation>
    </message>
    <message>
      <source>The target cannot be below the minimum.</source>
      <translation>目标值不能低于最低值。</translation>
    </message>
    <message>
      <source>The target database already holds a post; copy into an empty database.</source>
      <translation>目标数据库中已有站点数据；请复制到空数据库。</translation>
    </message>
    <message>
      <source>The tile archive {path} does not exist.</source>
      <translation>瓦片档案 {path} 不存在。</translation>
    </message>
    <message>
      <source>The tile package {path} does not exist.</source>
      <translation>瓦片包 {path} 不存在。</translation>
    </message>
    <message>
      <source>The two PINs differ; nothing was changed.</source>
      <translation>两次输入的 PIN 码不一致；未作任何更改。</translation>
    </message>
    <message>
      <source>The {channel} channel is {state}; only a failed channel is retried.</source>
      <translation>渠道“{channel}”的状态为{state}；只有失败的渠道才能重试。</translation>
    </message>
    <message>
      <source>There is no active operator called '{name}'.</source>
      <translation>没有名为“{name}”的在职值班员。</translation>
    </message>
    <message>
      <source>There is no team called '{unit}'.</source>
      <translation>没有名为“{unit}”的队伍。</translation>
    </message>
    <message>
      <source>This database was set up as post {post} on this workstation, but its audit head no longer says so (edited outside the program?). Run `ops-console audit verify`.</source>
      <translation>此数据库在本工作站上被设为指挥所 {post}，但其审计头记录已不再如此显示（是否在程序之外被修改？）。请运行 `ops-console audit verify`。</translation>
    </message>
    <message>
      <source>This database was written by a newer Ops Console (schema {current}); this program knows schema {head} at most. Install the newer release, or open a backup made before the upgrade.</source>
      <translation>此数据库由更新版本的 Ops Console 写入（结构版本 {current}）；本程序最多识别结构版本 {head}。请安装新版本，或打开升级前制作的备份。</translation>
    </message>
    <message>
      <source>This is JSON but not GeoJSON (type {type}).</source>
      <translation>这是 JSON，但不是 GeoJSON（类型为 {type}）。</translation>
    </message>
    <message>
      <source>This is JSON but not GeoJSON: the top level must be an object.</source>
      <translation>这是 JSON，但不是 GeoJSON：顶层必须是一个对象。</translation>
    </message>
    <message>
      <source>This is a CAP 1.1 alert; the console reads CAP 1.2 only — ask the sender for CAP 1.2.</source>
      <translation>这是 CAP 1.1 警报；本控制台只读取 CAP 1.2——请向发送方索取 CAP 1.2。</translation>
    </message>
    <message>
      <source>This is not a CAP 1.2 alert: its root element is &lt;{local}&gt; in the namespace “{ns}”, not &lt;alert&gt; in {cap}.</source>
      <translation>这不是 CAP 1.2 警报：其根元素是命名空间“{ns}”中的 &lt;{local}&gt;，而不是 {cap} 中的 &lt;alert&gt;。</translation>
    </message>
    <message>
      <source>This is not a text file (is it a spreadsheet, .xlsx?). Save it as “CSV UTF-8” and import again.</source>
      <translation>这不是文本文件（是否为 .xlsx 电子表格？）。请另存为“CSV UTF-8”后重新导入。</translation>
    </message>
    <message>
      <source>This is not valid JSON: it ends early at line {line}, column {column} (a cut-off copy?).</source>
      <translation>这不是有效的 JSON：文件在第 {line} 行第 {column} 列提前结束（是否复制不完整？）。</translation>
    </message>
    <message>
      <source>This is not valid JSON: it is broken at line {line}, column {column}.</source>
      <translation>这不是有效的 JSON：第 {line} 行第 {column} 列有错误。</translation>
    </message>
    <message>
      <source>This is not valid JSON: it is nested too deeply.</source>
      <translation>这不是有效的 JSON：嵌套层级过深。</translation>
    </message>
    <message>
      <source>This is not valid JSON: it is not UTF-8 text.</source>
      <translation>这不是有效的 JSON：文件不是 UTF-8 文本。</translation>
    </message>
    <message>
      <source>This post has no audit key yet (nothing has been audited since the upgrade).</source>
      <translation>本指挥所还没有审计密钥（升级后尚无任何审计记录）。</translation>
    </message>
    <message>
      <source>Thresholds for {item} at {place}: minimum {minimum}, target {target}</source>
      <translation>{place} 的 {item} 阈值：最低 {minimum}，目标 {target}</translation>
    </message>
    <message>
      <source>Thursday</source>
      <translation>星期四</translation>
    </message>
    <message>
      <source>Tick at least one of {channels}.</source>
      <translation>请至少勾选以下之一：{channels}。</translation>
    </message>
    <message>
      <source>Time or time zone not understood: {why}</source>
      <translation>无法识别时间或时区：{why}</translation>
    </message>
    <message>
      <source>To is required on an ICS-213.</source>
      <translation>ICS-213 必须填写“收件人”。</translation>
    </message>
    <message>
      <source>Too long for Meshtastic: {size} bytes would take {count} packets of at most {limit} bytes; at most {most} are sent for one text. Shorten it.</source>
      <translation>对 Meshtastic 而言过长：{size} 字节需要 {count} 个数据包（每包最多 {limit} 字节），一条文本最多发送 {most} 个。请缩短。</translation>
    </message>
    <message>
      <source>Too long: it needs {frames} frames, at most {most} are allowed. Shorten it.</source>
      <translation>内容过长：需要 {frames} 帧，最多只允许 {most} 帧。请缩短。</translation>
    </message>
    <message>
      <source>Transferred {quantity} {unit} {item}</source>
      <translation>调拨 {item} {quantity} {unit}</translation>
    </message>
    <message>
      <source>Tuesday</source>
      <translation>星期二</translation>
    </message>
    <message>
      <source>Type a message first.</source>
      <translation>请先输入消息。</translation>
    </message>
    <message>
      <source>Type something to log.</source>
      <translation>请输入要记录的内容。</translation>
    </message>
    <message>
      <source>Type your PIN (an empty PIN is not counted as an attempt).</source>
      <translation>请输入您的 PIN 码（空 PIN 码不计为一次尝试）。</translation>
    </message>
    <message>
      <source>Type your PIN first (an empty PIN is not counted as an attempt).</source>
      <translation>请先输入您的 PIN 码（空 PIN 码不计为一次尝试）。</translation>
    </message>
    <message>
      <source>Type your PIN to sound the sirens again.</source>
      <translation>请输入您的 PIN 码以再次鸣响警报器。</translation>
    </message>
    <message>
      <source>Unknown device kind {kind}.</source>
      <translation>未知的设备类型 {kind}。</translation>
    </message>
    <message>
      <source>Unknown modem model {model} (known: {known}).</source>
      <translation>未知的调制解调器型号 {model}（已知型号：{known}）。</translation>
    </message>
    <message>
      <source>Unknown report '{kind}': choose one of {kinds}.</source>
      <translation>未知报告“{kind}”：请从 {kinds} 中选择。</translation>
    </message>
    <message>
      <source>Unknown skill '{skill}'.</source>
      <translation>未知技能“{skill}”。</translation>
    </message>
    <message>
      <source>Unknown skill(s): {skills}.</source>
      <translation>未知技能：{skills}。</translation>
    </message>
    <message>
      <source>Unknown target {target}.</source>
      <translation>未知的归档目标 {target}。</translation>
    </message>
    <message>
      <source>Upgrade the source database first (ops-console --db SRC db upgrade).</source>
      <translation>请先升级源数据库（ops-console --db SRC db upgrade）。</translation>
    </message>
    <message>
      <source>Volunteer added: {name}</source>
      <translation>已添加志愿者：{name}</translation>
    </message>
    <message>
      <source>Volunteer edited: {name}</source>
      <translation>志愿者已编辑：{name}</translation>
    </message>
    <message>
      <source>Volunteer imported (line {line}): {name}</source>
      <translation>已导入志愿者（第 {line} 行）：{name}</translation>
    </message>
    <message>
      <source>Volunteer {id} is not on the roster.</source>
      <translation>志愿者 {id} 不在名册上。</translation>
    </message>
    <message>
      <source>Warning #{id} drafted from sensor alert {alert}: {words}</source>
      <translation>预警 #{id} 由传感器告警 {alert} 起草：{words}</translation>
    </message>
    <message>
      <source>Warning #{id} is already {state} by {who}; it was not {verb} again.</source>
      <translation>预警 #{id} 已由 {who} 处理，当前为“{state}”；本次未重复执行（{verb}）。</translation>
    </message>
    <message>
      <source>Warning #{id} is already {state}; it was not {verb} again.</source>
      <translation>预警 #{id} 当前已为“{state}”；本次未重复执行（{verb}）。</translation>
    </message>
    <message>
      <source>Warning #{id} {step} by {who}</source>
      <translation>预警 #{id} 由 {who} {step}</translation>
    </message>
    <message>
      <source>Warning step refused: {why}</source>
      <translation>预警操作被拒绝：{why}</translation>
    </message>
    <message>
      <source>Warning {identifier} cancelled</source>
      <translation>预警 {identifier} 已取消</translation>
    </message>
    <message>
      <source>Warning {id} does not exist.</source>
      <translation>预警 {id} 不存在。</translation>
    </message>
    <message>
      <source>Warning {id} has not been issued: there is no CAP message yet.</source>
      <translation>预警 {id} 尚未发布：还没有 CAP 消息。</translation>
    </message>
    <message>
      <source>Wednesday</source>
      <translation>星期三</translation>
    </message>
    <message>
      <source>Welfare check: {street} ({n}) — {zone}</source>
      <translation>走访探视：{street}（{n} 人）— {zone}</translation>
    </message>
    <message>
      <source>Write the code in the paper log; `audit verify` compares the log with every checkpoint.</source>
      <translation>请把此代码写入纸质日志；`audit verify` 会将日志与每个检查点比对。</translation>
    </message>
    <message>
      <source>Wrong PIN for {name}</source>
      <translation>{name} 的 PIN 错误</translation>
    </message>
    <message>
      <source>Wrong PIN. 1 attempt left before a one-minute lock.</source>
      <translation>PIN 错误。再错 1 次将锁定一分钟。</translation>
    </message>
    <message>
      <source>Wrong PIN. {name} is now locked for one minute.</source>
      <translation>PIN 错误。{name} 现已锁定一分钟。</translation>
    </message>
    <message>
      <source>Wrong PIN. {n} attempts left before a one-minute lock.</source>
      <translation>PIN 错误。还可尝试 {n} 次，之后将锁定一分钟。</translation>
    </message>
    <message>
      <source>Zone #{id} withdrawn: {name}</source>
      <translation>区域 #{id} 已撤销：{name}</translation>
    </message>
    <message>
      <source>Zone {id} is not on the map.</source>
      <translation>区域 {id} 不在地图上。</translation>
    </message>
    <message>
      <source>Zone {id} no longer exists.</source>
      <translation>区域 {id} 已不存在。</translation>
    </message>
    <message>
      <source>[[device]] #{number} ({port}): a Meshtastic node takes no {keys} (set the node's radio with its own app)</source>
      <translation>[[device]] 第 {number} 项（{port}）：Meshtastic 节点不接受 {keys} 设置（请用节点自带的应用设置其电台参数）</translation>
    </message>
    <message>
      <source>[[device]] #{number} ({port}): model = {model} is not one of {known}</source>
      <translation>[[device]] 第 {number} 项（{port}）：model = {model} 不在可选型号 {known} 之中</translation>
    </message>
    <message>
      <source>[[device]] #{number} ({port}): {why}</source>
      <translation>[[device]] 第 {number} 项（{port}）：{why}</translation>
    </message>
    <message>
      <source>[[device]] #{number}: a {kind} device needs port = "..."</source>
      <translation>[[device]] 第 {number} 项：{kind} 设备需要填写 port = "..."</translation>
    </message>
    <message>
      <source>[[device]] #{number}: baud must be a positive whole number</source>
      <translation>[[device]] 第 {number} 项：baud（波特率）必须是正整数</translation>
    </message>
    <message>
      <source>[[device]] #{number}: drill must be true or false</source>
      <translation>[[device]] 第 {number} 项：drill 只能是 true 或 false</translation>
    </message>
    <message>
      <source>[part {index} of {total} not received: the message is incomplete]</source>
      <translation>[第 {index} 部分（共 {total} 部分）未收到：消息不完整]</translation>
    </message>
    <message>
      <source>[radio.tactical] must be a table of CALL = node address, e.g. SHELTER-B = 12</source>
      <translation>[radio.tactical] 必须是“呼号 = 节点地址”的表，例如 SHELTER-B = 12</translation>
    </message>
    <message>
      <source>[radio.tactical] {call} = {address}: the node address must be a whole number 1-65535</source>
      <translation>[radio.tactical] {call} = {address}：节点地址必须是 1 至 65535 之间的整数</translation>
    </message>
    <message>
      <source>[radio.tactical] {call} is this post's own call sign; ignored</source>
      <translation>[radio.tactical] {call} 是本站自己的呼号；已忽略</translation>
    </message>
    <message>
      <source>[radio] demo_drill = {value} must be true or false; ignored</source>
      <translation>[radio] demo_drill = {value} 只能是 true 或 false；已忽略</translation>
    </message>
    <message>
      <source>[radio] must be a table, e.g. [radio] call_sign = "EOC-1"</source>
      <translation>[radio] 必须是一个表，例如 [radio] call_sign = "EOC-1"</translation>
    </message>
    <message>
      <source>[radio] spool must be a file path, e.g. spool = "/mnt/usb/gateway-spool.sqlite"</source>
      <translation>[radio] spool 必须是文件路径，例如 spool = "/mnt/usb/gateway-spool.sqlite"</translation>
    </message>
    <message>
      <source>a field is too long</source>
      <translation>有字段过长</translation>
    </message>
    <message>
      <source>a frame limit of {limit} bytes leaves no room for text</source>
      <translation>每帧 {limit} 字节的上限不足以容纳文本</translation>
    </message>
    <message>
      <source>a leaf directory</source>
      <translation>叶目录</translation>
    </message>
    <message>
      <source>a neighbour was heard relaying it to the channel</source>
      <translation>已听到相邻节点向频道转发</translation>
    </message>
    <message>
      <source>a neighbour was heard relaying it; the recipient has not confirmed it</source>
      <translation>已听到相邻节点转发，收件方尚未确认</translation>
    </message>
    <message>
      <source>a pattern is 'silent' exactly when all its tones are 'rotate'</source>
      <translation>只有当信号的所有音调都是“rotate”时，才可标为“silent”（反之亦然）</translation>
    </message>
    <message>
      <source>a port error: {error}</source>
      <translation>端口错误：{error}</translation>
    </message>
    <message>
      <source>a rate-of-rise rule needs an amount and a window above zero</source>
      <translation>上涨速率规则的上涨量和时间窗都必须大于零</translation>
    </message>
    <message>
      <source>a rate-of-rise rule needs both an amount and a window</source>
      <translation>上涨速率规则需要同时设定上涨量和时间窗</translation>
    </message>
    <message>
      <source>a sensor value must be a finite number</source>
      <translation>传感器读数必须是有限数值</translation>
    </message>
    <message>
      <source>a text in {total} parts from {sender}: part {missing} not received; stored as incomplete</source>
      <translation>来自 {sender} 的文本共 {total} 部分，第 {missing} 部分未收到；已按不完整消息保存</translation>
    </message>
    <message>
      <source>account for residents</source>
      <translation>清点居民</translation>
    </message>
    <message>
      <source>acknowledge CAP alerts</source>
      <translation>确认 CAP 警报</translation>
    </message>
    <message>
      <source>acknowledge a MAYDAY</source>
      <translation>确认 MAYDAY</translation>
    </message>
    <message>
      <source>acknowledge siren alarms</source>
      <translation>确认警报器告警</translation>
    </message>
    <message>
      <source>acknowledged by {node}</source>
      <translation>{node} 已确认收到</translation>
    </message>
    <message>
      <source>activate</source>
      <translation>启动</translation>
    </message>
    <message>
      <source>activate sirens</source>
      <translation>启动警报器</translation>
    </message>
    <message>
      <source>activation refused: the siren cannot sound</source>
      <translation>启动被拒绝：警报器无法鸣响</translation>
    </message>
    <message>
      <source>activation refused: the siren was not armed (or arming expired), or the pattern or duration is not one it knows</source>
      <translation>启动被拒绝：警报器未布防（或布防已过期），或其不认识该模式或时长</translation>
    </message>
    <message>
      <source>add items to the inventory</source>
      <translation>向库存添加物品</translation>
    </message>
    <message>
      <source>add operators</source>
      <translation>添加操作员</translation>
    </message>
    <message>
      <source>add radio devices</source>
      <translation>添加电台设备</translation>
    </message>
    <message>
      <source>add risk points</source>
      <translation>添加风险点</translation>
    </message>
    <message>
      <source>add shelters</source>
      <translation>添加避难所</translation>
    </message>
    <message>
      <source>add sirens</source>
      <translation>添加警报器</translation>
    </message>
    <message>
      <source>add stock locations</source>
      <translation>添加库存地点</translation>
    </message>
    <message>
      <source>add volunteers to the roster</source>
      <translation>向名册添加志愿者</translation>
    </message>
    <message>
      <source>address</source>
      <translation>地址</translation>
    </message>
    <message>
      <source>address not given</source>
      <translation>未提供地址</translation>
    </message>
    <message>
      <source>adjust</source>
      <translation>调整</translation>
    </message>
    <message>
      <source>adjust stock</source>
      <translation>调整库存</translation>
    </message>
    <message>
      <source>admin public key is not authorised</source>
      <translation>管理公钥未获授权</translation>
    </message>
    <message>
      <source>admin session key is wrong</source>
      <translation>管理会话密钥错误</translation>
    </message>
    <message>
      <source>advisory</source>
      <translation>提示线</translation>
    </message>
    <message>
      <source>all clear</source>
      <translation>解除</translation>
    </message>
    <message>
      <source>amplifier fault</source>
      <translation>功放故障</translation>
    </message>
    <message>
      <source>another part of the text was not sent: {why}</source>
      <translation>该文本的另一部分未能发送：{why}</translation>
    </message>
    <message>
      <source>answered +OK</source>
      <translation>已应答 +OK</translation>
    </message>
    <message>
      <source>answering again</source>
      <translation>已恢复应答</translation>
    </message>
    <message>
      <source>applying configuration</source>
      <translation>正在写入配置</translation>
    </message>
    <message>
      <source>approve requests</source>
      <translation>批准请求</translation>
    </message>
    <message>
      <source>approve warnings</source>
      <translation>批准预警</translation>
    </message>
    <message>
      <source>approved</source>
      <translation>已批准</translation>
    </message>
    <message>
      <source>arm</source>
      <translation>布防</translation>
    </message>
    <message>
      <source>asked siren {unit} but unit {replied} answered (two controllers may share an address)</source>
      <translation>询问的是警报器 {unit}，应答的却是单元 {replied}（可能有两台控制器使用同一地址）</translation>
    </message>
    <message>
      <source>asking the node for its configuration (want_config)</source>
      <translation>正在向节点读取配置（want_config）</translation>
    </message>
    <message>
      <source>assign tasks</source>
      <translation>分派任务</translation>
    </message>
    <message>
      <source>back to {level}: below {line} − {hysteresis} {unit}</source>
      <translation>回落至{level}：低于 {line} − {hysteresis} {unit}</translation>
    </message>
    <message>
      <source>bad call sign or number in ack</source>
      <translation>确认帧中的呼号或编号有误</translation>
    </message>
    <message>
      <source>bad call sign or number in position</source>
      <translation>位置报告中的呼号或编号有误</translation>
    </message>
    <message>
      <source>bad call sign or number in sensor reading</source>
      <translation>传感器读数中的呼号或编号有误</translation>
    </message>
    <message>
      <source>bad call sign, number or fragment i/n</source>
      <translation>呼号、编号或分片序号 i/n 有误</translation>
    </message>
    <message>
      <source>bad field: {error}</source>
      <translation>字段有误：{error}</translation>
    </message>
    <message>
      <source>bad latitude, longitude or time</source>
      <translation>纬度、经度或时间有误</translation>
    </message>
    <message>
      <source>bad sensor id, kind or value</source>
      <translation>传感器编号、类型或读数有误</translation>
    </message>
    <message>
      <source>bad unit or time</source>
      <translation>单位或时间有误</translation>
    </message>
    <message>
      <source>bandwidth {hz} Hz is not one of {allowed}</source>
      <translation>带宽 {hz} Hz 不在可选值 {allowed} 之中</translation>
    </message>
    <message>
      <source>battery is not a percentage</source>
      <translation>电量不是百分比数值</translation>
    </message>
    <message>
      <source>battery low</source>
      <translation>电池电量低</translation>
    </message>
    <message>
      <source>battery {battery} is not a percentage</source>
      <translation>电量 {battery} 不是百分比数值</translation>
    </message>
    <message>
      <source>battery {volts} V</source>
      <translation>电池 {volts} V</translation>
    </message>
    <message>
      <source>broadcast acknowledged ({precedence})</source>
      <translation>广播已确认（{precedence}）</translation>
    </message>
    <message>
      <source>broadcast sent ({precedence})</source>
      <translation>广播已发送（{precedence}）</translation>
    </message>
    <message>
      <source>cabinet door open</source>
      <translation>控制箱门已打开</translation>
    </message>
    <message>
      <source>call sign {call} must be 1-9 of A-Z 0-9 / -</source>
      <translation>呼号 {call} 须为 1 至 9 个字符，只能使用 A-Z 0-9 / -</translation>
    </message>
    <message>
      <source>cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>cancel requests</source>
      <translation>取消请求</translation>
    </message>
    <message>
      <source>cancel sirens</source>
      <translation>取消警报器鸣响</translation>
    </message>
    <message>
      <source>cancel warnings</source>
      <translation>取消预警</translation>
    </message>
    <message>
      <source>cancelled</source>
      <translation>已取消</translation>
    </message>
    <message>
      <source>cannot be read: {why}</source>
      <translation>无法读取：{why}</translation>
    </message>
    <message>
      <source>cannot open: {why}</source>
      <translation>无法打开：{why}</translation>
    </message>
    <message>
      <source>change a team's accountability timer</source>
      <translation>更改队伍的人员清点计时器</translation>
    </message>
    <message>
      <source>change a team's status</source>
      <translation>更改队伍状态</translation>
    </message>
    <message>
      <source>change the PIN policy</source>
      <translation>更改 PIN 策略</translation>
    </message>
    <message>
      <source>change the four-eyes rule</source>
      <translation>更改双人复核规则</translation>
    </message>
    <message>
      <source>change the outbox ({action})</source>
      <translation>更改发件箱（{action}）</translation>
    </message>
    <message>
      <source>charger fault</source>
      <translation>充电器故障</translation>
    </message>
    <message>
      <source>check volunteers in</source>
      <translation>为志愿者签到</translation>
    </message>
    <message>
      <source>check volunteers out</source>
      <translation>为志愿者签退</translation>
    </message>
    <message>
      <source>checked against {n} checkpoint(s), the last at entry {count}</source>
      <translation>已与 {n} 个检查点核对，最后一个位于第 {count} 条记录</translation>
    </message>
    <message>
      <source>close a PAR roll call</source>
      <translation>结束 PAR 点名</translation>
    </message>
    <message>
      <source>close incidents</source>
      <translation>关闭事件</translation>
    </message>
    <message>
      <source>close out the shift</source>
      <translation>结束本班次</translation>
    </message>
    <message>
      <source>closed</source>
      <translation>已关闭</translation>
    </message>
    <message>
      <source>code {code}</source>
      <translation>代码 {code}</translation>
    </message>
    <message>
      <source>coding rate</source>
      <translation>编码率</translation>
    </message>
    <message>
      <source>configured</source>
      <translation>已配置</translation>
    </message>
    <message>
      <source>configured: node {node}, {count} nodes known</source>
      <translation>已配置：节点 {node}，已知 {count} 个节点</translation>
    </message>
    <message>
      <source>configured; rejected: {commands}</source>
      <translation>已配置；被拒绝的命令：{commands}</translation>
    </message>
    <message>
      <source>confirm a team's PAR</source>
      <translation>确认队伍的 PAR</translation>
    </message>
    <message>
      <source>connected</source>
      <translation>已连接</translation>
    </message>
    <message>
      <source>connecting</source>
      <translation>正在连接</translation>
    </message>
    <message>
      <source>connection refused (is the simulator or the device server running?)</source>
      <translation>连接被拒绝（模拟器或设备服务是否在运行？）</translation>
    </message>
    <message>
      <source>consume</source>
      <translation>消耗</translation>
    </message>
    <message>
      <source>consume stock</source>
      <translation>消耗库存</translation>
    </message>
    <message>
      <source>copied {n} rows; audit on the copy: {result}</source>
      <translation>已复制 {n} 行；副本的审计检查：{result}</translation>
    </message>
    <message>
      <source>corrupt length {length} &gt; {most}</source>
      <translation>长度字段已损坏：{length} &gt; {most}</translation>
    </message>
    <message>
      <source>could not open: {why}</source>
      <translation>无法打开：{why}</translation>
    </message>
    <message>
      <source>could not write {file}: {why}</source>
      <translation>无法写入 {file}：{why}</translation>
    </message>
    <message>
      <source>create tasks</source>
      <translation>创建任务</translation>
    </message>
    <message>
      <source>create welfare-check tasks</source>
      <translation>创建探访任务</translation>
    </message>
    <message>
      <source>database unavailable: {why}</source>
      <translation>数据库不可用：{why}</translation>
    </message>
    <message>
      <source>deny requests</source>
      <translation>拒绝请求</translation>
    </message>
    <message>
      <source>did not start</source>
      <translation>未启动</translation>
    </message>
    <message>
      <source>disarm</source>
      <translation>撤防</translation>
    </message>
    <message>
      <source>disband teams</source>
      <translation>解散队伍</translation>
    </message>
    <message>
      <source>does not follow the previous entry (an entry before it was changed or removed)</source>
      <translation>与上一条记录衔接不上（其前面的某条记录被修改或删除）</translation>
    </message>
    <message>
      <source>draft warnings</source>
      <translation>起草预警</translation>
    </message>
    <message>
      <source>draw zones</source>
      <translation>划定区域</translation>
    </message>
    <message>
      <source>driver closed</source>
      <translation>驱动已关闭</translation>
    </message>
    <message>
      <source>driver closed before the command was sent</source>
      <translation>命令发出之前驱动已关闭</translation>
    </message>
    <message>
      <source>driver closed before the node took the text</source>
      <translation>节点接收文本之前驱动已关闭</translation>
    </message>
    <message>
      <source>driver or speaker fault</source>
      <translation>驱动器或扬声器故障</translation>
    </message>
    <message>
      <source>duplicate attribute</source>
      <translation>属性重复</translation>
    </message>
    <message>
      <source>duration</source>
      <translation>时长</translation>
    </message>
    <message>
      <source>duration {seconds} s is outside 1..{most} s for {name}</source>
      <translation>时长 {seconds} 秒超出 {name} 的允许范围 1..{most} 秒</translation>
    </message>
    <message>
      <source>edit incidents</source>
      <translation>编辑事件</translation>
    </message>
    <message>
      <source>edit residents</source>
      <translation>编辑居民信息</translation>
    </message>
    <message>
      <source>edit risk points</source>
      <translation>编辑风险点</translation>
    </message>
    <message>
      <source>edit shelters</source>
      <translation>编辑避难所</translation>
    </message>
    <message>
      <source>edit tasks</source>
      <translation>编辑任务</translation>
    </message>
    <message>
      <source>edit the roster</source>
      <translation>编辑名册</translation>
    </message>
    <message>
      <source>edit the sensor register</source>
      <translation>编辑传感器登记表</translation>
    </message>
    <message>
      <source>edited</source>
      <translation>已编辑</translation>
    </message>
    <message>
      <source>emergency</source>
      <translation>紧急线</translation>
    </message>
    <message>
      <source>encryption with the node's public key failed</source>
      <translation>使用节点公钥加密失败</translation>
    </message>
    <message>
      <source>entries at the end of the log were removed</source>
      <translation>日志末尾的记录已被删除</translation>
    </message>
    <message>
      <source>entry {id} is missing</source>
      <translation>缺少第 {id} 条记录</translation>
    </message>
    <message>
      <source>error while talking to it: {why}</source>
      <translation>通信时出错：{why}</translation>
    </message>
    <message>
      <source>every</source>
      <translation>每周</translation>
    </message>
    <message>
      <source>every {weekday} at {time} ({tz})</source>
      <translation>每{weekday} {time}（{tz}）</translation>
    </message>
    <message>
      <source>exercise activation cancelled</source>
      <translation>演练启动已取消</translation>
    </message>
    <message>
      <source>expected {count} fields, got {got}</source>
      <translation>应有 {count} 个字段，实际为 {got} 个</translation>
    </message>
    <message>
      <source>expected {want} input registers, got {got}</source>
      <translation>应有 {want} 个输入寄存器，实际收到 {got} 个</translation>
    </message>
    <message>
      <source>export the residents register</source>
      <translation>导出居民名册</translation>
    </message>
    <message>
      <source>failed</source>
      <translation>失败</translation>
    </message>
    <message>
      <source>failed to write flash memory</source>
      <translation>写入闪存失败</translation>
    </message>
    <message>
      <source>fault</source>
      <translation>故障</translation>
    </message>
    <message>
      <source>fault register holds {value}: bits above bit 7 are undefined</source>
      <translation>故障寄存器的值为 {value}：第 7 位以上未定义</translation>
    </message>
    <message>
      <source>file radio messages</source>
      <translation>归档电台消息</translation>
    </message>
    <message>
      <source>first</source>
      <translation>第一个</translation>
    </message>
    <message>
      <source>first {weekday} of the month at {time} ({tz})</source>
      <translation>每月第一个{weekday} {time}（{tz}）</translation>
    </message>
    <message>
      <source>for request #{id}</source>
      <translation>用于请求 #{id}</translation>
    </message>
    <message>
      <source>form teams</source>
      <translation>组建队伍</translation>
    </message>
    <message>
      <source>fourth</source>
      <translation>第四个</translation>
    </message>
    <message>
      <source>fourth {weekday} of the month at {time} ({tz})</source>
      <translation>每月第四个{weekday} {time}（{tz}）</translation>
    </message>
    <message>
      <source>fragment, number or precedence out of range</source>
      <translation>分片、编号或优先级超出范围</translation>
    </message>
    <message>
      <source>frame is not ASCII</source>
      <translation>帧中含有非 ASCII 字符</translation>
    </message>
    <message>
      <source>frequency</source>
      <translation>频率</translation>
    </message>
    <message>
      <source>from {place}</source>
      <translation>来自 {place}</translation>
    </message>
    <message>
      <source>fulfil requests</source>
      <translation>完成请求</translation>
    </message>
    <message>
      <source>gave up after {attempts} attempts: {why}</source>
      <translation>尝试 {attempts} 次后放弃：{why}</translation>
    </message>
    <message>
      <source>give both lat and lon, or neither</source>
      <translation>请同时填写纬度和经度，或都不填</translation>
    </message>
    <message>
      <source>give the all clear</source>
      <translation>发布解除信号</translation>
    </message>
    <message>
      <source>growl test</source>
      <translation>低鸣测试</translation>
    </message>
    <message>
      <source>held back: the legal duty-cycle limit is reached</source>
      <translation>暂缓发送：已达到法定占空比上限</translation>
    </message>
    <message>
      <source>hysteresis</source>
      <translation>回差</translation>
    </message>
    <message>
      <source>idle</source>
      <translation>待机</translation>
    </message>
    <message>
      <source>import a sensor register</source>
      <translation>导入传感器登记表</translation>
    </message>
    <message>
      <source>import stock counts</source>
      <translation>导入库存盘点</translation>
    </message>
    <message>
      <source>import the roster</source>
      <translation>导入名册</translation>
    </message>
    <message>
      <source>in use by another program (another gateway or console on this modem?)</source>
      <translation>正被另一个程序占用（是否有另一个网关或控制台在使用此调制解调器？）</translation>
    </message>
    <message>
      <source>incident</source>
      <translation>事件</translation>
    </message>
    <message>
      <source>incident #{id}</source>
      <translation>事件 #{id}</translation>
    </message>
    <message>
      <source>input register {index} holds {value}, outside 0..65535</source>
      <translation>输入寄存器 {index} 的值为 {value}，超出 0..65535</translation>
    </message>
    <message>
      <source>input/output error (the device was unplugged?)</source>
      <translation>输入/输出错误（设备是否已拔出？）</translation>
    </message>
    <message>
      <source>interval s</source>
      <translation>上报间隔（秒）</translation>
    </message>
    <message>
      <source>intrusion alarm</source>
      <translation>入侵报警</translation>
    </message>
    <message>
      <source>is missing</source>
      <translation>缺少此项</translation>
    </message>
    <message>
      <source>is not a folder</source>
      <translation>不是文件夹</translation>
    </message>
    <message>
      <source>is not a known field (a typo?)</source>
      <translation>不是已知字段（是否拼写有误？）</translation>
    </message>
    <message>
      <source>is not valid JSON: {why}</source>
      <translation>不是有效的 JSON：{why}</translation>
    </message>
    <message>
      <source>is {total} s but the segments × repeat add up to {computed} s</source>
      <translation>为 {total} 秒，但各段时长 × 重复次数合计为 {computed} 秒</translation>
    </message>
    <message>
      <source>issue</source>
      <translation>发放</translation>
    </message>
    <message>
      <source>issue stock</source>
      <translation>出库发放</translation>
    </message>
    <message>
      <source>issue warnings</source>
      <translation>发布预警</translation>
    </message>
    <message>
      <source>issued</source>
      <translation>已发布</translation>
    </message>
    <message>
      <source>it differs from the checkpoint of {at}: the log was rewritten up to here</source>
      <translation>与 {at} 的检查点不一致：日志在此之前已被改写</translation>
    </message>
    <message>
      <source>it is keyed and this workstation does not have the post's audit key to check it (copy the key file here)</source>
      <translation>该记录使用了密钥，而本工作站没有本指挥所的审计密钥，无法检查（请把密钥文件复制到此处）</translation>
    </message>
    <message>
      <source>it was written without the post's audit key (by a workstation without the key file, or recomputed by someone without it)</source>
      <translation>该记录写入时未使用本指挥所的审计密钥（由没有密钥文件的工作站写入，或被没有密钥的人重新计算）</translation>
    </message>
    <message>
      <source>its contents were changed after it was written (or its hash recomputed without the key)</source>
      <translation>该记录写入后内容被修改（或其哈希在没有密钥的情况下被重新计算）</translation>
    </message>
    <message>
      <source>its local-activation bit is set</source>
      <translation>其本地启动标志已置位</translation>
    </message>
    <message>
      <source>junk after document element</source>
      <translation>文档元素之后有多余内容</translation>
    </message>
    <message>
      <source>kept raw, not read as a message: {error}</source>
      <translation>已按原始数据保存，未能解读为消息：{error}</translation>
    </message>
    <message>
      <source>kind = "xyz" needs url = "{example}"</source>
      <translation>kind = "xyz" 需要 url = "{example}"</translation>
    </message>
    <message>
      <source>kind = "{kind}" needs path = "…" (the file; relative to the config file's folder)</source>
      <translation>kind = "{kind}" 需要 path = "…"（文件路径；相对路径以配置文件所在文件夹为准）</translation>
    </message>
    <message>
      <source>kind = {kind} is not one of {kinds}</source>
      <translation>kind = {kind} 不在可选值 {kinds} 之中</translation>
    </message>
    <message>
      <source>last</source>
      <translation>最后一个</translation>
    </message>
    <message>
      <source>last TX was not completed</source>
      <translation>上一次发射尚未完成</translation>
    </message>
    <message>
      <source>last {weekday} of the month at {time} ({tz})</source>
      <translation>每月最后一个{weekday} {time}（{tz}）</translation>
    </message>
    <message>
      <source>lat</source>
      <translation>纬度</translation>
    </message>
    <message>
      <source>leaf directories</source>
      <translation>叶目录</translation>
    </message>
    <message>
      <source>line longer than {limit} bytes (piece {part})</source>
      <translation>行长度超过 {limit} 字节（第 {part} 段）</translation>
    </message>
    <message>
      <source>line {line} column {column}</source>
      <translation>第 {line} 行第 {column} 列</translation>
    </message>
    <message>
      <source>line {line} of {path} is not a checkpoint</source>
      <translation>{path} 的第 {line} 行不是检查点</translation>
    </message>
    <message>
      <source>link {state}: {detail}</source>
      <translation>链路{state}：{detail}</translation>
    </message>
    <message>
      <source>log entry</source>
      <translation>日志条目</translation>
    </message>
    <message>
      <source>log inspections</source>
      <translation>登记巡查</translation>
    </message>
    <message>
      <source>lon</source>
      <translation>经度</translation>
    </message>
    <message>
      <source>lot {lot}</source>
      <translation>批次 {lot}</translation>
    </message>
    <message>
      <source>mains on</source>
      <translation>市电正常</translation>
    </message>
    <message>
      <source>mains-present register holds {value}, not 0 or 1</source>
      <translation>市电寄存器的值为 {value}，不是 0 或 1</translation>
    </message>
    <message>
      <source>malformed +KEY</source>
      <translation>+KEY 格式有误</translation>
    </message>
    <message>
      <source>max</source>
      <translation>最大值</translation>
    </message>
    <message>
      <source>max valid</source>
      <translation>有效最大值</translation>
    </message>
    <message>
      <source>max_zoom = {value} must be a whole number from 0 to {most}</source>
      <translation>max_zoom = {value} 必须是 0 到 {most} 之间的整数</translation>
    </message>
    <message>
      <source>meshtastic port {port}: {error}</source>
      <translation>Meshtastic 端口 {port}：{error}</translation>
    </message>
    <message>
      <source>message number {number} is outside 0..65535</source>
      <translation>消息编号 {number} 超出 0..65535 的范围</translation>
    </message>
    <message>
      <source>metadata</source>
      <translation>元数据</translation>
    </message>
    <message>
      <source>min</source>
      <translation>最小值</translation>
    </message>
    <message>
      <source>min valid</source>
      <translation>有效最小值</translation>
    </message>
    <message>
      <source>mismatched tag</source>
      <translation>标签不匹配</translation>
    </message>
    <message>
      <source>modem did not answer {command} after {attempts} attempts</source>
      <translation>尝试 {attempts} 次后调制解调器仍未应答 {command}</translation>
    </message>
    <message>
      <source>modem keeps rebooting during configuration</source>
      <translation>调制解调器在配置过程中反复重启</translation>
    </message>
    <message>
      <source>more than {n} readings in one minute (expected one every {seconds} s)</source>
      <translation>一分钟内读数超过 {n} 条（应每 {seconds} 秒一条）</translation>
    </message>
    <message>
      <source>move tasks</source>
      <translation>移动任务</translation>
    </message>
    <message>
      <source>must be a list of texts, got {got}</source>
      <translation>必须是文本列表，实际为 {got}</translation>
    </message>
    <message>
      <source>must be a non-empty list</source>
      <translation>必须是非空列表</translation>
    </message>
    <message>
      <source>must be a non-empty list of {fields}</source>
      <translation>必须是由 {fields} 组成的非空列表</translation>
    </message>
    <message>
      <source>must be a non-empty text, got {got}</source>
      <translation>必须是非空文本，实际为 {got}</translation>
    </message>
    <message>
      <source>must be a number of seconds, got {got}</source>
      <translation>必须是秒数，实际为 {got}</translation>
    </message>
    <message>
      <source>must be a table with kind and path or url</source>
      <translation>必须是一个包含 kind 以及 path 或 url 的表</translation>
    </message>
    <message>
      <source>must be a whole number, got {got}</source>
      <translation>必须是整数，实际为 {got}</translation>
    </message>
    <message>
      <source>must be above 0, got {got}</source>
      <translation>必须大于 0，实际为 {got}</translation>
    </message>
    <message>
      <source>must be an object, got {got}</source>
      <translation>必须是对象，实际为 {got}</translation>
    </message>
    <message>
      <source>must be at least 0, got {got}</source>
      <translation>不得小于 0，实际为 {got}</translation>
    </message>
    <message>
      <source>must be lower-case letters, digits, '.', '_' or '-', got {got}</source>
      <translation>只能由小写字母、数字、“.”、“_”或“-”组成，实际为 {got}</translation>
    </message>
    <message>
      <source>must be {format}, got {got}</source>
      <translation>必须为 {format}，实际为 {got}</translation>
    </message>
    <message>
      <source>must be {low}..{high}, got {got}</source>
      <translation>必须在 {low}..{high} 之间，实际为 {got}</translation>
    </message>
    <message>
      <source>must list ISO codes like 'DE' or '*', got {got}</source>
      <translation>必须列出 ISO 代码（如“DE”）或“*”，实际为 {got}</translation>
    </message>
    <message>
      <source>network id</source>
      <translation>网络号</translation>
    </message>
    <message>
      <source>no *CRC trailer</source>
      <translation>缺少 *CRC 校验尾</translation>
    </message>
    <message>
      <source>no acknowledgement after {attempts} attempts</source>
      <translation>尝试 {attempts} 次后仍未收到确认</translation>
    </message>
    <message>
      <source>no answer from the modem within {seconds} s</source>
      <translation>调制解调器在 {seconds} 秒内没有应答</translation>
    </message>
    <message>
      <source>no answer to {command} within {seconds} s (attempt {attempt})</source>
      <translation>{command} 在 {seconds} 秒内没有应答（第 {attempt} 次尝试）</translation>
    </message>
    <message>
      <source>no answer within {seconds} s</source>
      <translation>{seconds} 秒内没有应答</translation>
    </message>
    <message>
      <source>no answer within {seconds} s (got {bytes})</source>
      <translation>{seconds} 秒内没有应答（收到 {bytes}）</translation>
    </message>
    <message>
      <source>no command</source>
      <translation>无命令</translation>
    </message>
    <message>
      <source>no console commanded it</source>
      <translation>没有任何控制台下达命令</translation>
    </message>
    <message>
      <source>no element found</source>
      <translation>找不到任何元素（文件为空或不完整）</translation>
    </message>
    <message>
      <source>no folder is configured for this channel ([warnings] in the settings)</source>
      <translation>此渠道未配置文件夹（设置中的 [warnings]）</translation>
    </message>
    <message>
      <source>no listed need</source>
      <translation>无登记需求</translation>
    </message>
    <message>
      <source>no reason given</source>
      <translation>未说明原因</translation>
    </message>
    <message>
      <source>no route to the node</source>
      <translation>没有到达该节点的路由</translation>
    </message>
    <message>
      <source>no siren signal for {hazard} in the post's signal set</source>
      <translation>本站信号集中没有用于{hazard}的警报信号</translation>
    </message>
    <message>
      <source>no sirens</source>
      <translation>无警报器</translation>
    </message>
    <message>
      <source>no sirens cover the warning's area</source>
      <translation>没有警报器覆盖该预警区域</translation>
    </message>
    <message>
      <source>no such channel on the node</source>
      <translation>节点上没有该频道</translation>
    </message>
    <message>
      <source>no test pattern in the library</source>
      <translation>模式库中没有测试模式</translation>
    </message>
    <message>
      <source>node names not stored: {error}</source>
      <translation>节点名称未能保存：{error}</translation>
    </message>
    <message>
      <source>not acknowledged after the last retransmission</source>
      <translation>最后一次重传后仍未得到确认</translation>
    </message>
    <message>
      <source>not an AT response</source>
      <translation>不是 AT 应答</translation>
    </message>
    <message>
      <source>not authorised</source>
      <translation>未获授权</translation>
    </message>
    <message>
      <source>not confirmed</source>
      <translation>未确认</translation>
    </message>
    <message>
      <source>not in the register: kind {kind}, unit {unit}, node {node}; its readings are kept — register it in the Sensors panel</source>
      <translation>未登记：类型 {kind}，单位 {unit}，节点 {node}；其读数已保留 — 请在传感器面板中登记</translation>
    </message>
    <message>
      <source>not sending: {why}</source>
      <translation>暂停发送：{why}</translation>
    </message>
    <message>
      <source>not sent, it would go out unencrypted: {why}</source>
      <translation>未发送，否则将以未加密方式发出：{why}</translation>
    </message>
    <message>
      <source>not sent: requested {age} s ago, too old to send safely — request it again if still needed</source>
      <translation>未发送：请求已过去 {age} 秒，太旧无法安全发送 — 如仍需要请重新请求</translation>
    </message>
    <message>
      <source>not sent: this console is in EXERCISE mode and never sends a live sound command</source>
      <translation>未发送：本控制台处于演练模式，从不发送实战鸣响命令</translation>
    </message>
    <message>
      <source>not well-formed (invalid token)</source>
      <translation>格式不正确（无效记号）</translation>
    </message>
    <message>
      <source>note: this workstation does not have the audit key of post {post} ({path}); keyed entries cannot be checked here</source>
      <translation>注意：本工作站没有指挥所 {post} 的审计密钥（{path}）；无法在此检查使用密钥的记录</translation>
    </message>
    <message>
      <source>note: {what}</source>
      <translation>注意：{what}</translation>
    </message>
    <message>
      <source>nothing</source>
      <translation>无</translation>
    </message>
    <message>
      <source>nothing to send: the data is empty</source>
      <translation>没有可发送的内容：数据为空</translation>
    </message>
    <message>
      <source>now holds {n}</source>
      <translation>现有 {n} 人</translation>
    </message>
    <message>
      <source>on battery</source>
      <translation>电池供电</translation>
    </message>
    <message>
      <source>only a supervisor may sound sirens live; {name} is {role}</source>
      <translation>只有主管可以实战鸣响警报器；{name} 的角色是{role}</translation>
    </message>
    <message>
      <source>only a supervisor may {doing}</source>
      <translation>只有主管可以{doing}</translation>
    </message>
    <message>
      <source>only noise bytes</source>
      <translation>只有噪声字节</translation>
    </message>
    <message>
      <source>open or close shelters</source>
      <translation>开放或关闭避难所</translation>
    </message>
    <message>
      <source>packet {id}: {words}</source>
      <translation>数据包 {id}：{words}</translation>
    </message>
    <message>
      <source>part {part} of {total}: {words}</source>
      <translation>第 {part} 部分（共 {total} 部分）：{words}</translation>
    </message>
    <message>
      <source>partial character</source>
      <translation>字符不完整</translation>
    </message>
    <message>
      <source>path is for files; kind = "xyz" needs url = "{example}"</source>
      <translation>path 只用于文件；kind = "xyz" 需要 url = "{example}"</translation>
    </message>
    <message>
      <source>pattern id</source>
      <translation>模式编号</translation>
    </message>
    <message>
      <source>pattern {id} is not in the library</source>
      <translation>信号 {id} 不在信号库中</translation>
    </message>
    <message>
      <source>pattern {pattern}, {left} s left</source>
      <translation>模式 {pattern}，剩余 {left} 秒</translation>
    </message>
    <message>
      <source>payload contains CR or LF, which would end the AT command early</source>
      <translation>载荷中含有回车或换行符，会使 AT 命令提前结束</translation>
    </message>
    <message>
      <source>payload does not decode</source>
      <translation>载荷无法解码</translation>
    </message>
    <message>
      <source>payload is {size} bytes; the modem takes at most {limit} per frame</source>
      <translation>载荷为 {size} 字节；调制解调器每帧最多接受 {limit} 字节</translation>
    </message>
    <message>
      <source>permission denied (is this user in the dialout group?)</source>
      <translation>权限不足（当前用户是否在 dialout 组中？）</translation>
    </message>
    <message>
      <source>position out of range</source>
      <translation>位置超出范围</translation>
    </message>
    <message>
      <source>position {lat}, {lon} is not on Earth</source>
      <translation>位置 {lat}, {lon} 不在地球上</translation>
    </message>
    <message>
      <source>preamble</source>
      <translation>前导码</translation>
    </message>
    <message>
      <source>preamble value is not allowed</source>
      <translation>前导码长度不被允许</translation>
    </message>
    <message>
      <source>purge exercise records</source>
      <translation>清除演练记录</translation>
    </message>
    <message>
      <source>queued</source>
      <translation>排队中</translation>
    </message>
    <message>
      <source>queued again</source>
      <translation>已重新排队</translation>
    </message>
    <message>
      <source>queued for broadcast ({precedence}): {text}</source>
      <translation>已排队等待广播（{precedence}）：{text}</translation>
    </message>
    <message>
      <source>radio cancelled: {why}</source>
      <translation>电台发送已取消：{why}</translation>
    </message>
    <message>
      <source>radio failed: {why}</source>
      <translation>电台发送失败：{why}</translation>
    </message>
    <message>
      <source>radio message #{id}</source>
      <translation>电台消息 #{id}</translation>
    </message>
    <message>
      <source>radio message {id} no longer exists</source>
      <translation>电台消息 {id} 已不存在</translation>
    </message>
    <message>
      <source>raise MAYDAY</source>
      <translation>发出 MAYDAY</translation>
    </message>
    <message>
      <source>rate limit exceeded</source>
      <translation>超出速率限制</translation>
    </message>
    <message>
      <source>read failed: {why}</source>
      <translation>读取失败：{why}</translation>
    </message>
    <message>
      <source>receive</source>
      <translation>接收</translation>
    </message>
    <message>
      <source>receive stock</source>
      <translation>入库</translation>
    </message>
    <message>
      <source>reconnecting</source>
      <translation>正在重新连接</translation>
    </message>
    <message>
      <source>record resource requests</source>
      <translation>登记物资请求</translation>
    </message>
    <message>
      <source>records changed outside the program since their last audited change: {records}</source>
      <translation>自上次审计变更以来在程序之外被修改的记录：{records}</translation>
    </message>
    <message>
      <source>records were changed outside the program</source>
      <translation>有记录在程序之外被修改</translation>
    </message>
    <message>
      <source>refused</source>
      <translation>被拒绝</translation>
    </message>
    <message>
      <source>register residents</source>
      <translation>登记居民</translation>
    </message>
    <message>
      <source>remove radio devices</source>
      <translation>移除电台设备</translation>
    </message>
    <message>
      <source>reply value is not valid UTF-8</source>
      <translation>应答内容不是有效的 UTF-8</translation>
    </message>
    <message>
      <source>report incidents</source>
      <translation>上报事件</translation>
    </message>
    <message>
      <source>resource request</source>
      <translation>资源申请</translation>
    </message>
    <message>
      <source>retry warning channels</source>
      <translation>重试预警渠道</translation>
    </message>
    <message>
      <source>return</source>
      <translation>归还</translation>
    </message>
    <message>
      <source>return stock</source>
      <translation>退还库存</translation>
    </message>
    <message>
      <source>rise</source>
      <translation>上涨量</translation>
    </message>
    <message>
      <source>rise amount</source>
      <translation>上涨量</translation>
    </message>
    <message>
      <source>rise window min</source>
      <translation>上涨时间窗（分钟）</translation>
    </message>
    <message>
      <source>root directory</source>
      <translation>根目录</translation>
    </message>
    <message>
      <source>rotator fault</source>
      <translation>旋转器故障</translation>
    </message>
    <message>
      <source>routing error {code}</source>
      <translation>路由错误 {code}</translation>
    </message>
    <message>
      <source>routing packet does not decode: {error}</source>
      <translation>路由数据包无法解码：{error}</translation>
    </message>
    <message>
      <source>schedule siren tests</source>
      <translation>安排警报器测试</translation>
    </message>
    <message>
      <source>schedule “{name}”</source>
      <translation>计划“{name}”</translation>
    </message>
    <message>
      <source>second</source>
      <translation>第二个</translation>
    </message>
    <message>
      <source>second {weekday} of the month at {time} ({tz})</source>
      <translation>每月第二个{weekday} {time}（{tz}）</translation>
    </message>
    <message>
      <source>see residents' details</source>
      <translation>查看居民详细信息</translation>
    </message>
    <message>
      <source>send radio messages</source>
      <translation>发送电台消息</translation>
    </message>
    <message>
      <source>send refused: {why}</source>
      <translation>拒绝发送：{why}</translation>
    </message>
    <message>
      <source>sending failed: no public key for the destination</source>
      <translation>发送失败：没有目标节点的公钥</translation>
    </message>
    <message>
      <source>sensor id and kind must be 1-16 of A-Z a-z 0-9 _ . -</source>
      <translation>传感器编号和类型须为 1 至 16 个字符，只能使用 A-Z a-z 0-9 _ . -</translation>
    </message>
    <message>
      <source>sensor value is not finite</source>
      <translation>传感器读数不是有限数值</translation>
    </message>
    <message>
      <source>sensors</source>
      <translation>传感器</translation>
    </message>
    <message>
      <source>sequence number</source>
      <translation>序号</translation>
    </message>
    <message>
      <source>sequence number 0 is reserved: a controller starts with 0 as its last one</source>
      <translation>序号 0 为保留值：控制器以 0 作为其初始的上一个序号</translation>
    </message>
    <message>
      <source>set stock thresholds</source>
      <translation>设置库存阈值</translation>
    </message>
    <message>
      <source>set {status}</source>
      <translation>设为{status}</translation>
    </message>
    <message>
      <source>silent test</source>
      <translation>静音测试</translation>
    </message>
    <message>
      <source>siren</source>
      <translation>警报器</translation>
    </message>
    <message>
      <source>siren request {request} not found</source>
      <translation>找不到警报器请求 {request}</translation>
    </message>
    <message>
      <source>siren runtime</source>
      <translation>警报器运行程序</translation>
    </message>
    <message>
      <source>siren {late_unit} answered late, over the reply to siren {unit} (siren {late_unit} is slow; siren {unit} is not at fault)</source>
      <translation>警报器 {late_unit} 迟到的应答覆盖了警报器 {unit} 的应答（警报器 {late_unit} 响应慢；警报器 {unit} 没有故障）</translation>
    </message>
    <message>
      <source>siren {unit} answered with a corrupted reply (CRC error; check cable shielding and bus termination)</source>
      <translation>警报器 {unit} 的应答已损坏（CRC 错误；请检查电缆屏蔽和总线终端电阻）</translation>
    </message>
    <message>
      <source>siren {unit} did not answer within {ms} ms (check its power, its address and the RS-485 cable)</source>
      <translation>警报器 {unit} 在 {ms} 毫秒内没有应答（请检查其电源、地址和 RS-485 电缆）</translation>
    </message>
    <message>
      <source>siren {unit} is slow: it answers, but after the {ms} ms timeout ({late} late replies heard); not a wiring fault - give its bus a longer timeout</source>
      <translation>警报器 {unit} 响应慢：它会应答，但超过了 {ms} 毫秒超时（收到 {late} 个迟到的应答）；不是接线故障——请为其总线设置更长的超时</translation>
    </message>
    <message>
      <source>siren {unit} reported values outside its profile: {detail}</source>
      <translation>警报器 {unit} 报告的数值超出其规格：{detail}</translation>
    </message>
    <message>
      <source>siren {unit} sent a reply that cannot be read</source>
      <translation>警报器 {unit} 发送的应答无法读取</translation>
    </message>
    <message>
      <source>siren {unit} sent a reply that cannot be read: {detail}</source>
      <translation>警报器 {unit} 发送的应答无法读取：{detail}</translation>
    </message>
    <message>
      <source>siren {unit} sent an incomplete reply ({got} bytes) and then went quiet</source>
      <translation>警报器 {unit} 发送了不完整的应答（{got} 字节）后便无响应</translation>
    </message>
    <message>
      <source>siren {unit}: {command} (sequence {seq})</source>
      <translation>警报器 {unit}：{command}（序号 {seq}）</translation>
    </message>
    <message>
      <source>siren {unit}: {reason}</source>
      <translation>警报器 {unit}：{reason}</translation>
    </message>
    <message>
      <source>siren(s) {ids} do not exist</source>
      <translation>警报器 {ids} 不存在</translation>
    </message>
    <message>
      <source>sirens</source>
      <translation>警报器</translation>
    </message>
    <message>
      <source>sounded without a command from the console (local activation)</source>
      <translation>未经控制台命令鸣响（本地启动）</translation>
    </message>
    <message>
      <source>sounding</source>
      <translation>鸣响中</translation>
    </message>
    <message>
      <source>spreading factor</source>
      <translation>扩频因子</translation>
    </message>
    <message>
      <source>start a PAR roll call</source>
      <translation>发起 PAR 点名</translation>
    </message>
    <message>
      <source>state register holds {value}, which is no known state</source>
      <translation>状态寄存器的值为 {value}，不是已知状态</translation>
    </message>
    <message>
      <source>stop requested on {n} siren(s)</source>
      <translation>已请求 {n} 台警报器停止</translation>
    </message>
    <message>
      <source>supervisors and admins: {lead}+ digits; other roles: {other}+ digits</source>
      <translation>主管和管理员：至少 {lead} 位数字；其他角色：至少 {other} 位数字</translation>
    </message>
    <message>
      <source>switch exercise mode</source>
      <translation>切换演练模式</translation>
    </message>
    <message>
      <source>syntax error</source>
      <translation>语法错误</translation>
    </message>
    <message>
      <source>system</source>
      <translation>系统</translation>
    </message>
    <message>
      <source>task</source>
      <translation>任务</translation>
    </message>
    <message>
      <source>task #{id}</source>
      <translation>任务 #{id}</translation>
    </message>
    <message>
      <source>team tracks</source>
      <translation>队伍轨迹</translation>
    </message>
    <message>
      <source>team {name}</source>
      <translation>队伍 {name}</translation>
    </message>
    <message>
      <source>testing</source>
      <translation>测试中</translation>
    </message>
    <message>
      <source>text has a bad %-escape or a raw reserved character</source>
      <translation>文本中有错误的 % 转义或未转义的保留字符</translation>
    </message>
    <message>
      <source>text too long: it needs {count} fragments, at most {most}</source>
      <translation>文本过长：需要 {count} 个分片，最多 {most} 个</translation>
    </message>
    <message>
      <source>the PIN was not accepted — {why}</source>
      <translation>PIN 未通过 — {why}</translation>
    </message>
    <message>
      <source>the audit head row is missing</source>
      <translation>缺少审计头记录</translation>
    </message>
    <message>
      <source>the certificate date {text} is not a date</source>
      <translation>证书日期 {text} 不是有效日期</translation>
    </message>
    <message>
      <source>the confirmation typed does not match the pattern name “{name}” (or its short code {key})</source>
      <translation>输入的确认文字与信号名称“{name}”（或其简码 {key}）不符</translation>
    </message>
    <message>
      <source>the console stopped before the outcome was known — treat the siren's state as unknown</source>
      <translation>控制台在结果确定前停止 — 请将警报器状态视为未知</translation>
    </message>
    <message>
      <source>the controller accepted the request but is still working on it</source>
      <translation>控制器已接受请求，但仍在处理中</translation>
    </message>
    <message>
      <source>the controller answered with unknown exception code {code}</source>
      <translation>控制器回复了未知异常码 {code}</translation>
    </message>
    <message>
      <source>the controller does not support this request (illegal function)</source>
      <translation>控制器不支持此请求（非法功能码）</translation>
    </message>
    <message>
      <source>the controller has no such register (illegal data address)</source>
      <translation>控制器没有该寄存器（非法数据地址）</translation>
    </message>
    <message>
      <source>the controller is busy and refused the request (device busy)</source>
      <translation>控制器忙，拒绝了请求（设备忙）</translation>
    </message>
    <message>
      <source>the controller refused the values sent (illegal data value)</source>
      <translation>控制器拒绝了发送的数值（非法数据值）</translation>
    </message>
    <message>
      <source>the controller reports an internal failure (device failure)</source>
      <translation>控制器报告内部故障（设备故障）</translation>
    </message>
    <message>
      <source>the data to be sent does not match the actual length</source>
      <translation>待发送数据与声明的长度不符</translation>
    </message>
    <message>
      <source>the destination's public key is unknown</source>
      <translation>目标节点的公钥未知</translation>
    </message>
    <message>
      <source>the device is gone (unplugged?)</source>
      <translation>设备已断开（是否已拔出？）</translation>
    </message>
    <message>
      <source>the expiry {text} is not a date like 2025-06-30</source>
      <translation>有效期 {text} 不是日期（应类似 2025-06-30）</translation>
    </message>
    <message>
      <source>the folder cannot be read: {why}</source>
      <translation>无法读取该文件夹：{why}</translation>
    </message>
    <message>
      <source>the folder {folder} does not exist (or is not a folder)</source>
      <translation>文件夹 {folder} 不存在（或不是文件夹）</translation>
    </message>
    <message>
      <source>the folder {folder} is not writable</source>
      <translation>文件夹 {folder} 不可写</translation>
    </message>
    <message>
      <source>the head of the AT command is not the "AT" string</source>
      <translation>AT 命令的开头不是“AT”</translation>
    </message>
    <message>
      <source>the hysteresis ({hysteresis}) must be smaller than the gap between two lines</source>
      <translation>回差（{hysteresis}）必须小于相邻两条阈值线的间距</translation>
    </message>
    <message>
      <source>the hysteresis cannot be negative</source>
      <translation>回差不能为负数</translation>
    </message>
    <message>
      <source>the item is empty</source>
      <translation>物资为空</translation>
    </message>
    <message>
      <source>the kind {kind} is not one of water level, rain gauge, wind, smoke/air, soil moisture, custom</source>
      <translation>类型 {kind} 不在可选范围内：水位、雨量、风、烟雾/空气、土壤湿度、自定义</translation>
    </message>
    <message>
      <source>the line failed during the request</source>
      <translation>请求过程中线路故障</translation>
    </message>
    <message>
      <source>the location is empty</source>
      <translation>存放地点为空</translation>
    </message>
    <message>
      <source>the log has {n} entries but the checkpoint of {at} counted {count}: entries were removed (the tail dropped or the log wiped), or an older backup was restored</source>
      <translation>日志共有 {n} 条记录，但 {at} 的检查点记为 {count} 条：有记录被删除（末尾被截掉或日志被清空），或恢复了较旧的备份</translation>
    </message>
    <message>
      <source>the modem refused the network key (+ERR={code} {words}); check that model = "{model}" is right and the key has {digits} hex digits</source>
      <translation>调制解调器拒绝了网络密钥（+ERR={code} {words}）；请检查 model = "{model}" 是否正确，以及密钥是否为 {digits} 位十六进制数字</translation>
    </message>
    <message>
      <source>the name is empty</source>
      <translation>姓名为空</translation>
    </message>
    <message>
      <source>the name is longer than 120 characters</source>
      <translation>姓名超过 120 个字符</translation>
    </message>
    <message>
      <source>the node did not answer</source>
      <translation>节点没有应答</translation>
    </message>
    <message>
      <source>the node did not finish its configuration within {seconds} s ({heard} records heard)</source>
      <translation>节点未能在 {seconds} 秒内完成配置交换（已收到 {heard} 条记录）</translation>
    </message>
    <message>
      <source>the node has no radio interface for it</source>
      <translation>节点没有可用于发送的无线接口</translation>
    </message>
    <message>
      <source>the node rebooted; asking for its configuration again</source>
      <translation>节点已重启，正在重新读取其配置</translation>
    </message>
    <message>
      <source>the node refused it (NAK)</source>
      <translation>节点拒绝接收（NAK）</translation>
    </message>
    <message>
      <source>the node refused the request as malformed</source>
      <translation>节点认为请求格式有误，予以拒绝</translation>
    </message>
    <message>
      <source>the node refused the text (error {code}, its queue has {free} of {size} free)</source>
      <translation>节点拒绝了该文本（错误 {code}，其发送队列共 {size} 个位置，空闲 {free} 个）</translation>
    </message>
    <message>
      <source>the node's transmit queue stayed full for {seconds} s; not sent</source>
      <translation>节点的发送队列持续 {seconds} 秒已满；未发送</translation>
    </message>
    <message>
      <source>the notice needs the console's window running to draw the PDF</source>
      <translation>生成公告 PDF 需要控制台窗口正在运行</translation>
    </message>
    <message>
      <source>the phone {phone} is not a phone number (5 to 15 digits, optional +)</source>
      <translation>电话 {phone} 不是有效号码（应为 5 至 15 位数字，可带 +）</translation>
    </message>
    <message>
      <source>the physical minimum must be below the maximum</source>
      <translation>物理最小值必须小于最大值</translation>
    </message>
    <message>
      <source>the port is busy (opened by another program?)</source>
      <translation>端口忙（是否被另一个程序打开？）</translation>
    </message>
    <message>
      <source>the port is not there (unplugged, or a wrong name)</source>
      <translation>端口不存在（已拔出，或名称有误）</translation>
    </message>
    <message>
      <source>the position is not on Earth (lat −90…90, lon −180…180)</source>
      <translation>位置不在地球上（纬度 −90…90，经度 −180…180）</translation>
    </message>
    <message>
      <source>the post is in EXERCISE mode: a live warning cannot be sent from an exercise</source>
      <translation>指挥所处于演练模式：演练中不能发送实战预警</translation>
    </message>
    <message>
      <source>the post is in EXERCISE mode: no live sound command leaves the console; run it as an exercise activation</source>
      <translation>指挥所处于演练模式：实战鸣响命令不会从控制台发出；请以演练方式启动</translation>
    </message>
    <message>
      <source>the quantity is empty</source>
      <translation>数量为空</translation>
    </message>
    <message>
      <source>the quantity must be more than zero</source>
      <translation>数量必须大于零</translation>
    </message>
    <message>
      <source>the quantity {quantity} is more than {most}; check the number</source>
      <translation>数量 {quantity} 超过 {most}，请核对</translation>
    </message>
    <message>
      <source>the quantity {quantity} is negative; count what is on the shelf (0 or more)</source>
      <translation>数量 {quantity} 为负数；请按货架上的实际数量填写（0 或以上）</translation>
    </message>
    <message>
      <source>the quantity {quantity} is not a whole number</source>
      <translation>数量 {quantity} 不是整数</translation>
    </message>
    <message>
      <source>the radio text does not fit in the airtime budget even when cut short</source>
      <translation>即使截短，电台文本也超出通话时长预算</translation>
    </message>
    <message>
      <source>the reporting interval must be between 1 s and 7 days</source>
      <translation>上报间隔必须在 1 秒至 7 天之间</translation>
    </message>
    <message>
      <source>the root directory</source>
      <translation>根目录</translation>
    </message>
    <message>
      <source>the same badge {badge} as line {line}</source>
      <translation>胸牌 {badge} 与第 {line} 行相同</translation>
    </message>
    <message>
      <source>the same item, location and lot as line {line}</source>
      <translation>物资、存放地点和批号与第 {line} 行相同</translation>
    </message>
    <message>
      <source>the same person (name and phone) as line {line}</source>
      <translation>与第 {line} 行是同一人（姓名和电话相同）</translation>
    </message>
    <message>
      <source>the same sensor id as line {line}</source>
      <translation>传感器编号与第 {line} 行相同</translation>
    </message>
    <message>
      <source>the sensor id {id} must be 1-16 of A-Z a-z 0-9 _ . - (as the node sends it)</source>
      <translation>传感器编号 {id} 必须由 1 至 16 个 A-Z a-z 0-9 _ . - 字符组成（与节点发送的一致）</translation>
    </message>
    <message>
      <source>the sensor's clock is {span} ahead; timed by when it was heard</source>
      <translation>传感器时钟快了 {span}；按收到的时间计时</translation>
    </message>
    <message>
      <source>the sensor's clock is {span} behind; timed by when it was heard</source>
      <translation>传感器时钟慢了 {span}；按收到的时间计时</translation>
    </message>
    <message>
      <source>the siren bus port {port} is not available — unplugged or in use ({detail}); it will be reopened on the next request</source>
      <translation>警报器总线端口 {port} 不可用——已拔出或被占用（{detail}）；下次请求时将重新打开</translation>
    </message>
    <message>
      <source>the siren bus port {port} is not available — unplugged or in use; it will be reopened on the next request</source>
      <translation>警报器总线端口 {port} 不可用——已拔出或被占用；下次请求时将重新打开</translation>
    </message>
    <message>
      <source>the spool {path} cannot be written: {error}</source>
      <translation>缓冲文件 {path} 无法写入：{error}</translation>
    </message>
    <message>
      <source>the time setting of the "smart receiving power saving mode" is not allowed</source>
      <translation>“智能接收省电模式”的时间设置不被允许</translation>
    </message>
    <message>
      <source>the write was echoed with another address or quantity</source>
      <translation>写入的回显地址或数量不一致</translation>
    </message>
    <message>
      <source>the {field} is not a finite number</source>
      <translation>{field}不是有限数值</translation>
    </message>
    <message>
      <source>the {field} is not a number</source>
      <translation>{field}不是数字</translation>
    </message>
    <message>
      <source>the {field} {value} is not a number</source>
      <translation>{field} {value} 不是数字</translation>
    </message>
    <message>
      <source>the {model} network password (cpin) must be a string of {digits} hexadecimal digits</source>
      <translation>{model} 的网络密码（cpin）必须是由 {digits} 位十六进制数字组成的字符串</translation>
    </message>
    <message>
      <source>the {model} network password (cpin) must be {digits} hexadecimal digits, this one has {length} characters{hint}</source>
      <translation>{model} 的网络密码（cpin）必须是 {digits} 位十六进制数字，当前填写的有 {length} 个字符{hint}</translation>
    </message>
    <message>
      <source>the {model} network password (cpin) must not be all zeros</source>
      <translation>{model} 的网络密码（cpin）不能全为零</translation>
    </message>
    <message>
      <source>the {upper} line ({high}) must be above the {lower} line ({low})</source>
      <translation>{upper}（{high}）必须高于{lower}（{low}）</translation>
    </message>
    <message>
      <source>there is no "=" symbol in the AT command</source>
      <translation>AT 命令中缺少“=”符号</translation>
    </message>
    <message>
      <source>there is no "enter" (CR LF) at the end of the AT command</source>
      <translation>AT 命令末尾缺少回车换行（CR LF）</translation>
    </message>
    <message>
      <source>third</source>
      <translation>第三个</translation>
    </message>
    <message>
      <source>third {weekday} of the month at {time} ({tz})</source>
      <translation>每月第三个{weekday} {time}（{tz}）</translation>
    </message>
    <message>
      <source>this database was set up as post {post} (key file {path}), but its audit head names no post: the log was wiped or replaced</source>
      <translation>此数据库曾被设为指挥所 {post}（密钥文件 {path}），但其审计头记录未指明任何指挥所：日志已被清空或替换</translation>
    </message>
    <message>
      <source>tile data</source>
      <translation>瓦片数据</translation>
    </message>
    <message>
      <source>timed out</source>
      <translation>已超时</translation>
    </message>
    <message>
      <source>timed out waiting for an acknowledgement</source>
      <translation>等待确认超时</translation>
    </message>
    <message>
      <source>times must be timezone-aware (UTC on the air)</source>
      <translation>时间必须带时区（空中传输使用 UTC）</translation>
    </message>
    <message>
      <source>to {place}</source>
      <translation>发往 {place}</translation>
    </message>
    <message>
      <source>too large for one packet</source>
      <translation>超出单个数据包的容量</translation>
    </message>
    <message>
      <source>too long for Meshtastic: {size} bytes would take {count} packets, at most {most} are sent for one text</source>
      <translation>对 Meshtastic 而言过长：{size} 字节需要 {count} 个数据包，一条文本最多发送 {most} 个</translation>
    </message>
    <message>
      <source>transfer</source>
      <translation>调拨</translation>
    </message>
    <message>
      <source>transfer stock</source>
      <translation>调拨库存</translation>
    </message>
    <message>
      <source>unclosed token</source>
      <translation>记号未闭合（文件可能不完整）</translation>
    </message>
    <message>
      <source>undefined entity</source>
      <translation>未定义的实体</translation>
    </message>
    <message>
      <source>unexpected error: {why}</source>
      <translation>意外错误：{why}</translation>
    </message>
    <message>
      <source>unit id {unit} is outside {low}..{high}</source>
      <translation>单元编号 {unit} 超出 {low}..{high}</translation>
    </message>
    <message>
      <source>unit {unit} {state}, {details}</source>
      <translation>单元 {unit} {state}，{details}</translation>
    </message>
    <message>
      <source>unknown channel {channel}</source>
      <translation>未知渠道 {channel}</translation>
    </message>
    <message>
      <source>unknown code {code}</source>
      <translation>未知代码 {code}</translation>
    </message>
    <message>
      <source>unknown command</source>
      <translation>未知命令</translation>
    </message>
    <message>
      <source>unknown error {code}</source>
      <translation>未知错误 {code}</translation>
    </message>
    <message>
      <source>unknown failure</source>
      <translation>未知故障</translation>
    </message>
    <message>
      <source>unknown flag(s) {flags}; known: {known}</source>
      <translation>未知标志 {flags}；可用标志：{known}</translation>
    </message>
    <message>
      <source>unknown frame kind or version {kind}</source>
      <translation>未知的帧类型或版本 {kind}</translation>
    </message>
    <message>
      <source>unknown item {item} (not in the catalogue by name or barcode)</source>
      <translation>未知物资 {item}（物资目录中按名称或条码均未找到）</translation>
    </message>
    <message>
      <source>unknown location {place}</source>
      <translation>未知存放地点 {place}</translation>
    </message>
    <message>
      <source>unknown modem model {model} (known: {known})</source>
      <translation>未知的调制解调器型号 {model}（已知型号：{known}）</translation>
    </message>
    <message>
      <source>unknown skill {skill}</source>
      <translation>未知技能 {skill}</translation>
    </message>
    <message>
      <source>unknown tone {tone}; known: {known}</source>
      <translation>未知音调 {tone}；可用音调：{known}</translation>
    </message>
    <message>
      <source>unsolicited +ERR={code} ({words})</source>
      <translation>未经请求的 +ERR={code}（{words}）</translation>
    </message>
    <message>
      <source>unsolicited response</source>
      <translation>未经请求的应答</translation>
    </message>
    <message>
      <source>up {amount} {unit} in {minutes} min</source>
      <translation>{minutes} 分钟内上涨 {amount} {unit}</translation>
    </message>
    <message>
      <source>up {rise} {unit} within {span} (rule: {rule})</source>
      <translation>{span}内上涨 {rise} {unit}（规则：{rule}）</translation>
    </message>
    <message>
      <source>update shelter occupancy</source>
      <translation>更新避难所入住人数</translation>
    </message>
    <message>
      <source>update warnings</source>
      <translation>更新预警</translation>
    </message>
    <message>
      <source>updated</source>
      <translation>已更新</translation>
    </message>
    <message>
      <source>url = {url} has a placeholder other than {z}, {x}, {y} or {s} ({why})</source>
      <translation>url = {url} 含有 {z}、{x}、{y}、{s} 以外的占位符（{why}）</translation>
    </message>
    <message>
      <source>url = {url} must contain {z}, {x} and {y}</source>
      <translation>url = {url} 必须包含 {z}、{x} 和 {y}</translation>
    </message>
    <message>
      <source>url = {url} must start with http:// or https://</source>
      <translation>url = {url} 必须以 http:// 或 https:// 开头</translation>
    </message>
    <message>
      <source>url is for kind = "xyz"; kind = "{kind}" needs path = "…" to its file</source>
      <translation>url 只用于 kind = "xyz"；kind = "{kind}" 需要用 path = "…" 指向其文件</translation>
    </message>
    <message>
      <source>waiting for {sirens}</source>
      <translation>正在等待 {sirens}</translation>
    </message>
    <message>
      <source>warning</source>
      <translation>预警线</translation>
    </message>
    <message>
      <source>withdraw zones</source>
      <translation>撤销区域</translation>
    </message>
    <message>
      <source>write each map as [[basemap]] (two brackets): a post can have several</source>
      <translation>每张地图请写成 [[basemap]]（两层方括号）：一个站点可以有多张地图</translation>
    </message>
    <message>
      <source>write failed: {why}</source>
      <translation>写入失败：{why}</translation>
    </message>
    <message>
      <source>write in the activity log</source>
      <translation>写入活动日志</translation>
    </message>
    <message>
      <source>written: {file}</source>
      <translation>已写入：{file}</translation>
    </message>
    <message>
      <source>{before} handed over to {after}</source>
      <translation>{before} 已交班给 {after}</translation>
    </message>
    <message>
      <source>{call} = {address}: a node address is a whole number 1-65535</source>
      <translation>{call} = {address}：节点地址必须是 1 至 65535 之间的整数</translation>
    </message>
    <message>
      <source>{channel} channel of {identifier} retried by {who}: {state} — {detail}</source>
      <translation>{who} 重试了 {identifier} 的{channel}渠道：{state} — {detail}</translation>
    </message>
    <message>
      <source>{command} failed: +ERR={code} {words}</source>
      <translation>{command} 失败：+ERR={code} {words}</translation>
    </message>
    <message>
      <source>{command} is no known command</source>
      <translation>{command} 不是已知命令</translation>
    </message>
    <message>
      <source>{command} not completed: driver closed</source>
      <translation>{command} 未完成：驱动已关闭</translation>
    </message>
    <message>
      <source>{command} sent to {siren} (unit {unit}) for {who} (request {request})</source>
      <translation>已向 {siren}（单元 {unit}）发送「{command}」，请求人 {who}（请求 {request}）</translation>
    </message>
    <message>
      <source>{command}: +ERR={code} {words}; retrying in {seconds} s ({busy}/{most})</source>
      <translation>{command}：+ERR={code} {words}；{seconds} 秒后重试（{busy}/{most}）</translation>
    </message>
    <message>
      <source>{command}: modem rebooted {times} times</source>
      <translation>{command}：调制解调器已重启 {times} 次</translation>
    </message>
    <message>
      <source>{count} bytes of an unfinished frame dropped ({state})</source>
      <translation>丢弃了未接收完整的帧的 {count} 字节（{state}）</translation>
    </message>
    <message>
      <source>{db} holds no Ops Console post: nothing to check.</source>
      <translation>{db} 中没有 Ops Console 指挥所：无可检查的内容。</translation>
    </message>
    <message>
      <source>{file}: {field}: {problem}</source>
      <translation>{file}：{field}：{problem}</translation>
    </message>
    <message>
      <source>{file}: {problem}</source>
      <translation>{file}：{problem}</translation>
    </message>
    <message>
      <source>{first}; {then}</source>
      <translation>{first}；{then}</translation>
    </message>
    <message>
      <source>{hazard} warning #{id} drafted by {who}: {headline}</source>
      <translation>{hazard}预警 #{id} 由 {who} 起草：{headline}</translation>
    </message>
    <message>
      <source>{head} {lot} {source} {target} {recipient} {request}</source>
      <translation>{head} {lot} {source} {target} {recipient} {request}</translation>
    </message>
    <message>
      <source>{key} = {value} is not a call sign: use 1-9 letters, digits or '-' (e.g. "EOC-1")</source>
      <translation>{key} = {value} 不是有效的呼号：请使用 1 至 9 个字母、数字或“-”（例如 "EOC-1"）</translation>
    </message>
    <message>
      <source>{key} = {value} must be text in quotes</source>
      <translation>{key} = {value} 必须是带引号的文本</translation>
    </message>
    <message>
      <source>{key}: {all} means every station and cannot be one station's call</source>
      <translation>{key}：{all} 表示所有电台，不能用作单个电台的呼号</translation>
    </message>
    <message>
      <source>{kind} zone #{id} drawn: {name}</source>
      <translation>已划定{kind}区域 #{id}：{name}</translation>
    </message>
    <message>
      <source>{level} ≥ {line} {unit}</source>
      <translation>{level} ≥ {line} {unit}</translation>
    </message>
    <message>
      <source>{line} — {reason}</source>
      <translation>{line}——{reason}</translation>
    </message>
    <message>
      <source>{link}: no answer from the node within {seconds} s</source>
      <translation>{link}：节点在 {seconds} 秒内没有应答</translation>
    </message>
    <message>
      <source>{link}: {why}</source>
      <translation>{link}：{why}</translation>
    </message>
    <message>
      <source>{map} could not be loaded ({why}).</source>
      <translation>无法加载 {map}（{why}）。</translation>
    </message>
    <message>
      <source>{mode}: {signal} for {seconds} s on {sirens} requested by {who} (request {request})</source>
      <translation>{mode}：{who} 请求在 {sirens} 上播放 {signal} {seconds} 秒（请求 {request}）</translation>
    </message>
    <message>
      <source>{name} (no phone) is already on the roster.</source>
      <translation>{name}（无电话）已在名册中。</translation>
    </message>
    <message>
      <source>{name} ({phone}) is already on the roster.</source>
      <translation>{name}（{phone}）已在名册中。</translation>
    </message>
    <message>
      <source>{name} at {place}</source>
      <translation>{place}的{name}</translation>
    </message>
    <message>
      <source>{name} cannot be read ({why}).</source>
      <translation>无法读取 {name}（{why}）。</translation>
    </message>
    <message>
      <source>{name} checked in at {when}.</source>
      <translation>{name} 于 {when} 签到。</translation>
    </message>
    <message>
      <source>{name} checked out at {when}.</source>
      <translation>{name} 于 {when} 签退。</translation>
    </message>
    <message>
      <source>{name} contains no tiles.</source>
      <translation>{name} 中没有任何瓦片。</translation>
    </message>
    <message>
      <source>{name} drafted this warning; another supervisor must approve it (four-eyes rule)</source>
      <translation>此预警由 {name} 起草；须由另一位主管批准（双人复核规则）</translation>
    </message>
    <message>
      <source>{name} ended exercise mode</source>
      <translation>{name} 结束了演练模式</translation>
    </message>
    <message>
      <source>{name} ends early at byte {size} (an unfinished copy?).</source>
      <translation>{name} 在第 {size} 字节处提前结束（是否复制未完成？）。</translation>
    </message>
    <message>
      <source>{name} ends early: its {part} should reach byte {end} but the file has {size} bytes (an unfinished download or copy?).</source>
      <translation>{name} 提前结束：其{part}应延伸到第 {end} 字节，但文件只有 {size} 字节（是否下载或复制未完成？）。</translation>
    </message>
    <message>
      <source>{name} has no 'tiles' table: it is not an MBTiles file.</source>
      <translation>{name} 中没有 tiles 表：它不是 MBTiles 文件。</translation>
    </message>
    <message>
      <source>{name} has no tile directory: it is empty or damaged.</source>
      <translation>{name} 没有瓦片目录：文件为空或已损坏。</translation>
    </message>
    <message>
      <source>{name} holds '{format}' tiles; only PNG, JPEG and WebP raster tiles can be shown (vector .pbf packages are not supported).</source>
      <translation>{name} 中是“{format}”格式的瓦片；只能显示 PNG、JPEG 和 WebP 栅格瓦片（不支持 .pbf 矢量瓦片包）。</translation>
    </message>
    <message>
      <source>{name} holds tiles of an unknown format; only PNG, JPEG and WebP raster tiles can be shown (vector .pbf packages are not supported).</source>
      <translation>{name} 中的瓦片格式未知；只能显示 PNG、JPEG 和 WebP 栅格瓦片（不支持 .pbf 矢量瓦片包）。</translation>
    </message>
    <message>
      <source>{name} holds tiles of an unknown or unsupported type ({type}); only PNG, JPEG and WebP raster archives can be shown.</source>
      <translation>{name} 中的瓦片类型未知或不受支持（{type}）；只能显示 PNG、JPEG 和 WebP 栅格档案。</translation>
    </message>
    <message>
      <source>{name} holds vector tiles ({type}); only PNG, JPEG and WebP raster archives can be shown (vector maps are not supported).</source>
      <translation>{name} 中是矢量瓦片（{type}）；只能显示 PNG、JPEG 和 WebP 栅格档案（不支持矢量地图）。</translation>
    </message>
    <message>
      <source>{name} is a version {version} PMTiles archive; only version 3 can be read (convert it with 'pmtiles convert').</source>
      <translation>{name} 是第 {version} 版 PMTiles 档案；只能读取第 3 版（请用“pmtiles convert”转换）。</translation>
    </message>
    <message>
      <source>{name} is already checked in (since {when}).</source>
      <translation>{name} 已签到（自 {when} 起）。</translation>
    </message>
    <message>
      <source>{name} is an SQLite file, not a PMTiles archive: is it an MBTiles package (kind = "mbtiles")?</source>
      <translation>{name} 是 SQLite 文件，不是 PMTiles 档案：它是否为 MBTiles 瓦片包（kind = "mbtiles"）？</translation>
    </message>
    <message>
      <source>{name} is closed.</source>
      <translation>{name} 已关闭。</translation>
    </message>
    <message>
      <source>{name} is locked after {n} wrong PINs; try again in {wait} s.</source>
      <translation>{name} 因 {n} 次 PIN 码错误已被锁定；请 {wait} 秒后再试。</translation>
    </message>
    <message>
      <source>{name} is no longer an active operator.</source>
      <translation>{name} 已不再是在职值班员。</translation>
    </message>
    <message>
      <source>{name} is not a PMTiles archive (it does not start with 'PMTiles').</source>
      <translation>{name} 不是 PMTiles 档案（文件开头不是“PMTiles”）。</translation>
    </message>
    <message>
      <source>{name} is not a readable tile package ({why}).</source>
      <translation>{name} 不是可读取的瓦片包（{why}）。</translation>
    </message>
    <message>
      <source>{name} is not a readable tile package: an MBTiles file is an SQLite database and this one is not (another kind of file, or a damaged copy?).</source>
      <translation>{name} 不是可读取的瓦片包：MBTiles 文件应为 SQLite 数据库，而该文件不是（是否为其他类型的文件，或副本已损坏？）。</translation>
    </message>
    <message>
      <source>{name} is not an Ops Console database (it holds other tables: {tables}); nothing was written to it. Check the --db address.</source>
      <translation>{name} 不是 Ops Console 数据库（其中有其他表：{tables}）；未向其写入任何内容。请检查 --db 地址。</translation>
    </message>
    <message>
      <source>{name} is not checked in, so cannot be checked out.</source>
      <translation>{name} 未签到，无法签退。</translation>
    </message>
    <message>
      <source>{name} is only {size} bytes: too short for a PMTiles archive (an unfinished copy?).</source>
      <translation>{name} 只有 {size} 字节，不足以构成 PMTiles 档案（是否复制未完成？）。</translation>
    </message>
    <message>
      <source>{name} is {size} MB; layers over {most} MB are refused so the map stays responsive. Split or simplify it first.</source>
      <translation>{name} 大小为 {size} MB；超过 {most} MB 的图层不予加载，以免地图卡顿。请先拆分或简化该文件。</translation>
    </message>
    <message>
      <source>{name} locked for {seconds} s after {n} wrong PINs</source>
      <translation>{name} 连续 {n} 次 PIN 错误，已锁定 {seconds} 秒</translation>
    </message>
    <message>
      <source>{name} signed off</source>
      <translation>{name} 已退出登录</translation>
    </message>
    <message>
      <source>{name} signed on as {role}</source>
      <translation>{name} 以{role}身份登录</translation>
    </message>
    <message>
      <source>{name} started exercise mode</source>
      <translation>{name} 开始了演练模式</translation>
    </message>
    <message>
      <source>{name} {value} does not fit a register (0..65535)</source>
      <translation>{name} {value} 超出寄存器范围（0..65535）</translation>
    </message>
    <message>
      <source>{name}: its directories are not gzip-compressed ({compression}); only gzip archives can be read.</source>
      <translation>{name}：其目录不是 gzip 压缩（{compression}）；只能读取 gzip 压缩的档案。</translation>
    </message>
    <message>
      <source>{name}: its tiles are compressed with {compression}; only uncompressed or gzip tiles can be read.</source>
      <translation>{name}：其瓦片采用 {compression} 压缩；只能读取未压缩或 gzip 压缩的瓦片。</translation>
    </message>
    <message>
      <source>{name}: the PMTiles header is damaged ({why}).</source>
      <translation>{name}：PMTiles 文件头已损坏（{why}）。</translation>
    </message>
    <message>
      <source>{name}: the tiles table is damaged ({why}).</source>
      <translation>{name}：tiles 表已损坏（{why}）。</translation>
    </message>
    <message>
      <source>{name}: tile {tile} cannot be read ({why}).</source>
      <translation>{name}：无法读取瓦片 {tile}（{why}）。</translation>
    </message>
    <message>
      <source>{name}: tile {tile} is damaged ({why}).</source>
      <translation>{name}：瓦片 {tile} 已损坏（{why}）。</translation>
    </message>
    <message>
      <source>{name}: tile {tile} lies past the end of the file (an unfinished copy?).</source>
      <translation>{name}：瓦片 {tile} 超出文件末尾（是否复制未完成？）。</translation>
    </message>
    <message>
      <source>{name}: {part} is damaged ({why}).</source>
      <translation>{name}：{part}已损坏（{why}）。</translation>
    </message>
    <message>
      <source>{name}: {problem}</source>
      <translation>{name}：{problem}</translation>
    </message>
    <message>
      <source>{node}{where}{battery}{heard}</source>
      <translation>{node}{where}{battery}{heard}</translation>
    </message>
    <message>
      <source>{n} days</source>
      <translation>{n} 天</translation>
    </message>
    <message>
      <source>{n} h</source>
      <translation>{n} 小时</translation>
    </message>
    <message>
      <source>{n} min</source>
      <translation>{n} 分钟</translation>
    </message>
    <message>
      <source>{n} records match their last audited state</source>
      <translation>{n} 条记录与其最近一次审计时的状态一致</translation>
    </message>
    <message>
      <source>{n} s</source>
      <translation>{n} 秒</translation>
    </message>
    <message>
      <source>{n} siren(s) confirmed</source>
      <translation>{n} 台警报器已确认</translation>
    </message>
    <message>
      <source>{n} {kind} written to {path}</source>
      <translation>已将 {n} 条 {kind} 记录写入 {path}</translation>
    </message>
    <message>
      <source>{path} already exists; choose a new file name for the backup.</source>
      <translation>{path} 已存在；请为备份另选一个文件名。</translation>
    </message>
    <message>
      <source>{person} ({team})</source>
      <translation>{person}（{team}）</translation>
    </message>
    <message>
      <source>{port} is already configured.</source>
      <translation>{port} 已经配置过了。</translation>
    </message>
    <message>
      <source>{port} is not configured.</source>
      <translation>{port} 未配置。</translation>
    </message>
    <message>
      <source>{precedence} message #{number} from {station} acknowledged</source>
      <translation>来自 {station} 的 {precedence} 消息 #{number} 已确认</translation>
    </message>
    <message>
      <source>{precedence} message #{number} from {station} acknowledged as a repeat of #{first}</source>
      <translation>来自 {station} 的 {precedence} 消息 #{number} 作为 #{first} 的重复呼叫已确认</translation>
    </message>
    <message>
      <source>{precedence} message #{number} to {recipient} not delivered: seen</source>
      <translation>发往 {recipient} 的 {precedence} 消息 #{number} 未送达：已知悉</translation>
    </message>
    <message>
      <source>{problems}.</source>
      <translation>{problems}。</translation>
    </message>
    <message>
      <source>{problem}; ignored</source>
      <translation>{problem}；已忽略</translation>
    </message>
    <message>
      <source>{problem}; the console keeps the call "OPS"</source>
      <translation>{problem}；控制台继续使用呼号 "OPS"</translation>
    </message>
    <message>
      <source>{problem}; this radio is not opened</source>
      <translation>{problem}；此电台未打开</translation>
    </message>
    <message>
      <source>{reason} ({file} line {line})</source>
      <translation>{reason}（{file} 第 {line} 行）</translation>
    </message>
    <message>
      <source>{reason}: {sirens} by {who} (request {request})</source>
      <translation>{reason}：{sirens}，由 {who} 操作（请求 {request}）</translation>
    </message>
    <message>
      <source>{shelter} is closed; choose an open shelter.</source>
      <translation>{shelter} 已关闭；请选择开放中的避难场所。</translation>
    </message>
    <message>
      <source>{signal} requested on {n} siren(s)</source>
      <translation>已请求 {n} 台警报器播放 {signal}</translation>
    </message>
    <message>
      <source>{sirens} is out of service</source>
      <translation>{sirens} 已停用</translation>
    </message>
    <message>
      <source>{siren} (unit {unit}) is SOUNDING without a command from any console ({why}) — cancel it or send someone to the cabinet</source>
      <translation>{siren}（单元 {unit}）在没有任何控制台命令的情况下正在鸣响（{why}）— 请取消或派人前往控制箱</translation>
    </message>
    <message>
      <source>{siren} (unit {unit}) reports: {faults}</source>
      <translation>{siren}（单元 {unit}）报告：{faults}</translation>
    </message>
    <message>
      <source>{siren} (unit {unit}): no usable answer to {polls} polls in a row — {fault}</source>
      <translation>{siren}（单元 {unit}）：连续 {polls} 次轮询无有效应答 — {fault}</translation>
    </message>
    <message>
      <source>{siren} (unit {unit}): {command} not confirmed — {words}</source>
      <translation>{siren}（单元 {unit}）：{command}未确认 — {words}</translation>
    </message>
    <message>
      <source>{siren} (unit {unit}): {command} {words}</source>
      <translation>{siren}（单元 {unit}）：{command} {words}</translation>
    </message>
    <message>
      <source>{siren} answers again after {polls} missed polls</source>
      <translation>{siren} 在漏掉 {polls} 次轮询后恢复应答</translation>
    </message>
    <message>
      <source>{siren} is already being activated by {who} (request {request}, {state})</source>
      <translation>{siren} 正在由 {who} 启动（请求 {request}，{state}）</translation>
    </message>
    <message>
      <source>{siren}: {state}</source>
      <translation>{siren}：{state}</translation>
    </message>
    <message>
      <source>{siren}: {state} — {words}</source>
      <translation>{siren}：{state} — {words}</translation>
    </message>
    <message>
      <source>{siren}: {words}</source>
      <translation>{siren}：{words}</translation>
    </message>
    <message>
      <source>{status}: waiting for a radio</source>
      <translation>{status}：正在等待电台</translation>
    </message>
    <message>
      <source>{team} has been disbanded.</source>
      <translation>{team} 已解散。</translation>
    </message>
    <message>
      <source>{team} is on a task; disband it or finish the task first.</source>
      <translation>{team} 正在执行任务；请先解散该队伍或完成任务。</translation>
    </message>
    <message>
      <source>{team} is {status}, not available.</source>
      <translation>{team} 当前为{status}，不可派遣。</translation>
    </message>
    <message>
      <source>{team} still has a task; finish or reassign it first.</source>
      <translation>{team} 仍有任务；请先完成或改派该任务。</translation>
    </message>
    <message>
      <source>{team} was just assigned to “{task}” by another station; choose another team.</source>
      <translation>{team} 刚被另一个工作站派给了“{task}”；请选择其他队伍。</translation>
    </message>
    <message>
      <source>{text} is not a number of degrees.</source>
      <translation>{text} 不是有效的度数。</translation>
    </message>
    <message>
      <source>{text}: expected KIND:PORT[@BAUD], e.g. lora:/dev/ttyUSB0@115200 or meshtastic:/dev/ttyACM0</source>
      <translation>{text}：格式应为 类型:端口[@波特率]，例如 lora:/dev/ttyUSB0@115200 或 meshtastic:/dev/ttyACM0</translation>
    </message>
    <message>
      <source>{text}: unknown device kind {kind} (known: {known})</source>
      <translation>{text}：未知的设备类型 {kind}（已知类型：{known}）</translation>
    </message>
    <message>
      <source>{type} {identifier} ({status}) sent on {channels} by {who}</source>
      <translation>{who} 通过 {channels} 发送了 {type} {identifier}（{status}）</translation>
    </message>
    <message>
      <source>{value} is already used by {other} in {file}</source>
      <translation>{value} 已被 {file} 中的 {other} 使用</translation>
    </message>
    <message>
      <source>{value} is more than {most} in one movement; check the number.</source>
      <translation>{value} 超过单次变动上限 {most}；请检查数字。</translation>
    </message>
    <message>
      <source>{what} confirmed{now}</source>
      <translation>{what}已确认{now}</translation>
    </message>
    <message>
      <source>{what} could not be confirmed{reason} — treat the siren's state as unknown</source>
      <translation>{what}无法确认{reason}——请将警报器状态视为未知</translation>
    </message>
    <message>
      <source>{what} for {period} written to {path}</source>
      <translation>{period}的{what}已写入 {path}</translation>
    </message>
    <message>
      <source>{what} for {period} written to {path}, {n} lines</source>
      <translation>{period}的{what}已写入 {path}，共 {n} 行</translation>
    </message>
    <message>
      <source>{what} is in the future ({when}).</source>
      <translation>{what}在将来（{when}）。</translation>
    </message>
    <message>
      <source>{what} is more than a year ago ({when}): check the year.</source>
      <translation>{what}在一年以前（{when}）：请检查年份。</translation>
    </message>
    <message>
      <source>{what} is more than a year ahead ({when}): check the year.</source>
      <translation>{what}在一年以后（{when}）：请检查年份。</translation>
    </message>
    <message>
      <source>{what} refused{reason}{now}</source>
      <translation>{what}被拒绝{reason}{now}</translation>
    </message>
    <message>
      <source>{what} was accepted but did not take effect{now}</source>
      <translation>{what}已被接受但未生效{now}</translation>
    </message>
    <message>
      <source>{what} was not accepted after repeated sends{now}</source>
      <translation>{what}多次发送后仍未被接受{now}</translation>
    </message>
    <message>
      <source>{what} {value} is outside {low}..{high}</source>
      <translation>{what} {value} 超出 {low}..{high} 的范围</translation>
    </message>
    <message>
      <source>{what}: '{url}' is not a database URL ({why})</source>
      <translation>{what}：“{url}”不是数据库 URL（{why}）</translation>
    </message>
    <message>
      <source>{where} does not close: it starts at {start} but ends at {end}.</source>
      <translation>{where}未闭合：起点为 {start}，终点却为 {end}。</translation>
    </message>
    <message>
      <source>{where} has {n} point(s); CAP needs at least four, the first repeated as the last.</source>
      <translation>{where}只有 {n} 个点；CAP 至少需要四个点，且首点须作为末点重复。</translation>
    </message>
    <message>
      <source>{where}: a radius of {km} km is not possible.</source>
      <translation>{where}：半径 {km} 公里不可能。</translation>
    </message>
    <message>
      <source>{where}: max_zoom is for tiles; a geojson map is drawn at every zoom (ignored)</source>
      <translation>{where}：max_zoom 只用于瓦片地图；geojson 地图在各缩放级别都会绘制（已忽略）</translation>
    </message>
    <message>
      <source>{where}: unknown field {key} ignored (known: {known})</source>
      <translation>{where}：未知字段 {key}，已忽略（可用字段：{known}）</translation>
    </message>
    <message>
      <source>{where}: {fault}; this map is not loaded</source>
      <translation>{where}：{fault}；此地图未加载</translation>
    </message>
    <message>
      <source>{where}: {lat},{lon} is outside WGS 84 (latitude ±90, longitude ±180).</source>
      <translation>{where}：{lat},{lon} 超出 WGS 84 范围（纬度 ±90，经度 ±180）。</translation>
    </message>
    <message>
      <source>{where}: “{text}” is not a “lat,lon” pair.</source>
      <translation>{where}：“{text}”不是“纬度,经度”坐标对。</translation>
    </message>
    <message>
      <source>{where}: “{text}” is not “lat,lon radius_km”.</source>
      <translation>{where}：“{text}”不是“纬度,经度 半径公里”格式。</translation>
    </message>
    <message>
      <source>{who} ({role}) may not {doing}; ask a supervisor.</source>
      <translation>{who}（{role}）无权{doing}；请联系主管。</translation>
    </message>
    <message>
      <source>{who} acknowledged CAP alert: {headline}</source>
      <translation>{who} 确认了 CAP 警报：{headline}</translation>
    </message>
    <message>
      <source>{who} acknowledged: {words}</source>
      <translation>{who} 已确认：{words}</translation>
    </message>
    <message>
      <source>{who} at the post</source>
      <translation>指挥所的 {who}</translation>
    </message>
    <message>
      <source>{why} — {context}</source>
      <translation>{why}——{context}</translation>
    </message>
    <message>
      <source>{why}: {bytes}</source>
      <translation>{why}：{bytes}</translation>
    </message>
    <message>
      <source>{why}: {line}</source>
      <translation>{why}：{line}</translation>
    </message>
    <message>
      <source>{why}; asking again every {seconds} s</source>
      <translation>{why}；每 {seconds} 秒重新询问一次</translation>
    </message>
    <message>
      <source>{why}; not used for levels</source>
      <translation>{why}；不用于判定等级</translation>
    </message>
    <message>
      <source>{why}; shorten it</source>
      <translation>{why}；请缩短</translation>
    </message>
    <message>
      <source>“{typed}” has more than the name “{name}”: remove “{extra}” at the end.</source>
      <translation>“{typed}”比名称“{name}”多出内容：请删除末尾的“{extra}”。</translation>
    </message>
  </context>
  <context>
    <name>TaskBoard</name>
    <message>
      <source>%1 and above</source>
      <translation>%1 及以上</translation>
    </message>
    <message numerus="yes">
      <source>%n overdue</source>
      <translation>
        <numerusform>%n 项逾期</numerusform>
      </translation>
    </message>
    <message>
      <source>&amp;New task…</source>
      <translation>新建任务(&amp;N)…</translation>
    </message>
    <message>
      <source>&amp;Search:</source>
      <translation>搜索(&amp;S)：</translation>
    </message>
    <message>
      <source>&amp;Team:</source>
      <translation>队伍(&amp;T)：</translation>
    </message>
    <message>
      <source>A task in Assigned needs a team: choose which team takes it.</source>
      <translation>“已分派”中的任务需要队伍：请选择由哪支队伍承担。</translation>
    </message>
    <message>
      <source>A viewer can read the task board but not change it.</source>
      <translation>查看者可以查看任务看板，但不能修改。</translation>
    </message>
    <message>
      <source>All incidents</source>
      <translation>全部事件</translation>
    </message>
    <message>
      <source>All teams</source>
      <translation>全部队伍</translation>
    </message>
    <message>
      <source>Any priority</source>
      <translation>任意优先级</translation>
    </message>
    <message>
      <source>Assign</source>
      <translation>分派</translation>
    </message>
    <message>
      <source>Assign task #%1</source>
      <translation>分派任务 #%1</translation>
    </message>
    <message>
      <source>Assign to team…</source>
      <translation>分派给队伍…</translation>
    </message>
    <message>
      <source>Assigned</source>
      <translation>已分派</translation>
    </message>
    <message>
      <source>Cancel task</source>
      <translation>取消任务</translation>
    </message>
    <message>
      <source>Cancel task #%1 “%2”? It moves to the %3 column.</source>
      <translation>取消任务 #%1“%2”？它将移到“%3”列。</translation>
    </message>
    <message>
      <source>Cancel task…</source>
      <translation>取消任务…</translation>
    </message>
    <message>
      <source>Cancelled</source>
      <translation>已取消</translation>
    </message>
    <message>
      <source>Choose a team first</source>
      <translation>请先选择队伍</translation>
    </message>
    <message>
      <source>Close</source>
      <translation type="vanished">关闭</translation>
    </message>
    <message>
      <source>Could not read the tasks: %1 Trying again in a few seconds.</source>
      <translation>无法读取任务：%1 几秒后重试。</translation>
    </message>
    <message>
      <source>Done</source>
      <translation>已完成</translation>
    </message>
    <message>
      <source>Drag cards between columns, or select one: Ctrl+←/→ move · Enter edit · A assign · Del cancel</source>
      <translation>在列之间拖动卡片，或选中一张：Ctrl+←/→ 移动 · Enter 编辑 · A 分派 · Del 取消</translation>
    </message>
    <message>
      <source>Due %1</source>
      <translation>截止 %1</translation>
    </message>
    <message>
      <source>Edit…</source>
      <translation>编辑…</translation>
    </message>
    <message>
      <source>High</source>
      <translation>高</translation>
    </message>
    <message>
      <source>In progress</source>
      <translation>进行中</translation>
    </message>
    <message>
      <source>Incident:</source>
      <translation>事件：</translation>
    </message>
    <message>
      <source>Incident: %1</source>
      <translation>事件：%1</translation>
    </message>
    <message>
      <source>Loading tasks…</source>
      <translation>正在加载任务…</translation>
    </message>
    <message>
      <source>Low</source>
      <translation>低</translation>
    </message>
    <message>
      <source>Move to next column</source>
      <translation>移到下一列</translation>
    </message>
    <message>
      <source>Move to previous column</source>
      <translation>移到上一列</translation>
    </message>
    <message>
      <source>New</source>
      <translation>新建</translation>
    </message>
    <message>
      <source>No team</source>
      <translation>无队伍</translation>
    </message>
    <message>
      <source>Normal</source>
      <translation>普通</translation>
    </message>
    <message>
      <source>OVERDUE</source>
      <translation>逾期</translation>
    </message>
    <message>
      <source>OVERDUE %1</source>
      <translation>逾期 %1</translation>
    </message>
    <message>
      <source>OVERDUE · due %1</source>
      <translation>逾期 · 截止 %1</translation>
    </message>
    <message>
      <source>Priority:</source>
      <translation>优先级：</translation>
    </message>
    <message>
      <source>Search title and details…</source>
      <translation>搜索标题和详情…</translation>
    </message>
    <message>
      <source>Show cancelled</source>
      <translation>显示已取消</translation>
    </message>
    <message>
      <source>Task #%1</source>
      <translation>任务 #%1</translation>
    </message>
    <message>
      <source>Task:</source>
      <translation>任务：</translation>
    </message>
    <message>
      <source>Team:</source>
      <translation>队伍：</translation>
    </message>
    <message>
      <source>Team: %1</source>
      <translation>队伍：%1</translation>
    </message>
    <message>
      <source>This team lacks a skill the task asks for: %1</source>
      <translation>该队缺少任务所需技能：%1</translation>
    </message>
    <message>
      <source>Urgent</source>
      <translation>紧急</translation>
    </message>
    <message>
      <source>no incident</source>
      <translation>无事件</translation>
    </message>
  </context>
  <context>
    <name>TaskDialog</name>
    <message>
      <source> (closed)</source>
      <translation> （已关闭）</translation>
    </message>
    <message>
      <source>&amp;Details:</source>
      <translation>详情(&amp;D)：</translation>
    </message>
    <message>
      <source>&amp;Incident:</source>
      <translation>事件(&amp;I)：</translation>
    </message>
    <message>
      <source>&amp;Location:</source>
      <translation>存放点(&amp;L)：</translation>
    </message>
    <message>
      <source>&amp;Priority:</source>
      <translation>优先级(&amp;P)：</translation>
    </message>
    <message>
      <source>&amp;Status:</source>
      <translation>状态(&amp;S)：</translation>
    </message>
    <message>
      <source>&amp;Title:</source>
      <translation>标题(&amp;T)：</translation>
    </message>
    <message>
      <source>Coordinates:</source>
      <translation>坐标：</translation>
    </message>
    <message>
      <source>D&amp;ue:</source>
      <translation>截止时间(&amp;U)：</translation>
    </message>
    <message>
      <source>Due by</source>
      <translation>截止时间</translation>
    </message>
    <message>
      <source>Edit task #%1</source>
      <translation>编辑任务 #%1</translation>
    </message>
    <message>
      <source>Latitude</source>
      <translation>纬度</translation>
    </message>
    <message>
      <source>Local time</source>
      <translation>本地时间</translation>
    </message>
    <message>
      <source>Longitude</source>
      <translation>经度</translation>
    </message>
    <message>
      <source>New task</source>
      <translation>新建任务</translation>
    </message>
    <message>
      <source>No incident</source>
      <translation>无事件</translation>
    </message>
    <message>
      <source>No team</source>
      <translation>无队伍</translation>
    </message>
    <message>
      <source>T&amp;eam:</source>
      <translation>队伍(&amp;E)：</translation>
    </message>
    <message>
      <source>Type a number in decimal degrees, e.g. 51.5074.</source>
      <translation>请输入十进制度数，例如 51.5074。</translation>
    </message>
    <message>
      <source>local time</source>
      <translation>本地时间</translation>
    </message>
  </context>
  <context>
    <name>TeamBoard</name>
    <message>
      <source> min</source>
      <translation> 分钟</translation>
    </message>
    <message>
      <source>%1 h %2 ago</source>
      <translation>%1 小时 %2 分前</translation>
    </message>
    <message>
      <source>%1 min ago</source>
      <translation>%1 分钟前</translation>
    </message>
    <message>
      <source>%1 s ago</source>
      <translation>%1 秒前</translation>
    </message>
    <message>
      <source>&amp;Form team…</source>
      <translation>组建队伍(&amp;F)…</translation>
    </message>
    <message>
      <source>Accountability timer: %1</source>
      <translation>人员清点计时：%1</translation>
    </message>
    <message>
      <source>Choose a team first</source>
      <translation>请先选择队伍</translation>
    </message>
    <message>
      <source>Close roll call</source>
      <translation>结束点名</translation>
    </message>
    <message>
      <source>Disband</source>
      <translation>解散</translation>
    </message>
    <message>
      <source>Last contact</source>
      <translation>最近联系</translation>
    </message>
    <message>
      <source>MAYDAY</source>
      <translation>紧急求救</translation>
    </message>
    <message>
      <source>Members</source>
      <translation>队员</translation>
    </message>
    <message>
      <source>PAR</source>
      <translation>人员清点</translation>
    </message>
    <message>
      <source>PAR confirmed by &amp;voice</source>
      <translation>语音确认人员清点(&amp;V)</translation>
    </message>
    <message>
      <source>Radio operators and supervisors only</source>
      <translation>仅限电台员和指挥员</translation>
    </message>
    <message>
      <source>Roll call: %1 of %2 answered. Waiting for: %3</source>
      <translation>点名：%2 队中 %1 队已应答。等待：%3</translation>
    </message>
    <message>
      <source>Set status</source>
      <translation>设置状态</translation>
    </message>
    <message>
      <source>Set timer</source>
      <translation>设置计时</translation>
    </message>
    <message>
      <source>Start PAR &amp;roll call</source>
      <translation>发起人员点名(&amp;R)</translation>
    </message>
    <message>
      <source>Status</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Task</source>
      <translation>任务</translation>
    </message>
    <message>
      <source>Team</source>
      <translation>队伍</translation>
    </message>
    <message>
      <source>The team board could not be read: %1</source>
      <translation>无法读取队伍看板：%1</translation>
    </message>
    <message>
      <source>Viewers cannot change teams</source>
      <translation>查看者不能更改队伍</translation>
    </message>
    <message>
      <source>check</source>
      <translation>确认</translation>
    </message>
    <message>
      <source>never</source>
      <translation>从未</translation>
    </message>
    <message>
      <source>nobody</source>
      <translation>无</translation>
    </message>
    <message>
      <source>position</source>
      <translation>位置</translation>
    </message>
    <message>
      <source>radio</source>
      <translation>电台</translation>
    </message>
  </context>
  <context>
    <name>TeamForm</name>
    <message>
      <source> min</source>
      <translation> 分钟</translation>
    </message>
    <message>
      <source>&amp;Call sign:</source>
      <translation>呼号(&amp;C)：</translation>
    </message>
    <message>
      <source>&amp;Leader:</source>
      <translation>队长(&amp;L)：</translation>
    </message>
    <message>
      <source>&amp;Members:</source>
      <translation>队员(&amp;M)：</translation>
    </message>
    <message>
      <source>&amp;Name:</source>
      <translation>名称(&amp;N)：</translation>
    </message>
    <message>
      <source>&amp;PAR timer:</source>
      <translation>人员清点计时(&amp;P)：</translation>
    </message>
    <message>
      <source>Form a team</source>
      <translation>组建队伍</translation>
    </message>
    <message>
      <source>Form team</source>
      <translation>组建</translation>
    </message>
    <message>
      <source>Only volunteers checked in now can be on a team.</source>
      <translation>只有现在已签到的志愿者可以编入队伍。</translation>
    </message>
    <message>
      <source>Radio &amp;node:</source>
      <translation>电台节点(&amp;N)：</translation>
    </message>
    <message>
      <source>no radio</source>
      <translation>无电台</translation>
    </message>
  </context>
  <context>
    <name>ViewOptions</name>
    <message>
      <source>&amp;Language</source>
      <translation>语言(&amp;L)</translation>
    </message>
    <message>
      <source>&amp;Larger text</source>
      <translation>放大文字(&amp;L)</translation>
    </message>
    <message>
      <source>&amp;Night theme</source>
      <translation>夜间主题(&amp;N)</translation>
    </message>
    <message>
      <source>&amp;Smaller text</source>
      <translation>缩小文字(&amp;S)</translation>
    </message>
    <message>
      <source>Language</source>
      <translation>语言</translation>
    </message>
    <message>
      <source>N&amp;ormal text size</source>
      <translation>正常文字大小(&amp;O)</translation>
    </message>
    <message>
      <source>System language (LANG / LC_ALL)</source>
      <translation>系统语言（LANG / LC_ALL）</translation>
    </message>
    <message>
      <source>The console speaks the chosen language from its next start.</source>
      <translation>控制台将在下次启动时使用所选语言。</translation>
    </message>
  </context>
  <context>
    <name>VolunteerForm</name>
    <message>
      <source>&amp;Availability:</source>
      <translation>可用时间(&amp;A)：</translation>
    </message>
    <message>
      <source>&amp;Badge:</source>
      <translation>胸牌(&amp;B)：</translation>
    </message>
    <message>
      <source>&amp;Emergency contact:</source>
      <translation>紧急联系人(&amp;E)：</translation>
    </message>
    <message>
      <source>&amp;Languages:</source>
      <translation>语言(&amp;L)：</translation>
    </message>
    <message>
      <source>&amp;Name:</source>
      <translation>名称(&amp;N)：</translation>
    </message>
    <message>
      <source>&amp;Phone:</source>
      <translation>电话(&amp;P)：</translation>
    </message>
    <message>
      <source>&amp;Skills:</source>
      <translation>技能(&amp;S)：</translation>
    </message>
    <message>
      <source>&amp;Team:</source>
      <translation>队伍(&amp;T)：</translation>
    </message>
    <message>
      <source>Add volunteer</source>
      <translation>添加志愿者</translation>
    </message>
    <message>
      <source>Edit volunteer</source>
      <translation>编辑志愿者</translation>
    </message>
    <message>
      <source>No team</source>
      <translation>无队伍</translation>
    </message>
    <message>
      <source>first aid 2027-05-01; boat; driver</source>
      <translation>急救 2027-05-01；船；驾驶</translation>
    </message>
  </context>
  <context>
    <name>Warnings</name>
    <message>
      <source>#</source>
      <translation>编号</translation>
    </message>
    <message>
      <source>(the template's words if left empty)</source>
      <translation>（留空则使用模板文字）</translation>
    </message>
    <message>
      <source>A map zone</source>
      <translation>地图区域</translation>
    </message>
    <message>
      <source>A viewer cannot draft warnings.</source>
      <translation>查看者不能起草预警。</translation>
    </message>
    <message>
      <source>All clear</source>
      <translation>解除警报</translation>
    </message>
    <message>
      <source>All clear…</source>
      <translation>解除…</translation>
    </message>
    <message>
      <source>Approve</source>
      <translation>批准</translation>
    </message>
    <message>
      <source>Approve warning</source>
      <translation>批准预警</translation>
    </message>
    <message>
      <source>Approved</source>
      <translation>已批准</translation>
    </message>
    <message>
      <source>Approve…</source>
      <translation>批准…</translation>
    </message>
    <message>
      <source>Area</source>
      <translation>范围</translation>
    </message>
    <message>
      <source>Area: {area} · drafted by {d} · approved by {a} · issued by {i}</source>
      <translation>范围：{area} · 起草：{d} · 批准：{a} · 发布：{i}</translation>
    </message>
    <message>
      <source>CAP 1.2 file</source>
      <translation>CAP 1.2 文件</translation>
    </message>
    <message>
      <source>Cancel warning</source>
      <translation>撤销预警</translation>
    </message>
    <message>
      <source>Cancel warning…</source>
      <translation>撤销预警…</translation>
    </message>
    <message>
      <source>Cancelled</source>
      <translation>已取消</translation>
    </message>
    <message>
      <source>Checking…</source>
      <translation>正在检查…</translation>
    </message>
    <message>
      <source>Delivered</source>
      <translation>已送达</translation>
    </message>
    <message>
      <source>Delivery</source>
      <translation>送达</translation>
    </message>
    <message>
      <source>Delivery, channel by channel</source>
      <translation>各渠道送达情况</translation>
    </message>
    <message>
      <source>Draft</source>
      <translation>起草</translation>
    </message>
    <message>
      <source>EXERCISE</source>
      <translation>演练</translation>
    </message>
    <message>
      <source>EXERCISE — </source>
      <translation>演习 — </translation>
    </message>
    <message>
      <source>Failed</source>
      <translation>失败</translation>
    </message>
    <message>
      <source>Four-eyes rule</source>
      <translation>双人复核</translation>
    </message>
    <message>
      <source>Four-eyes rule off (single-supervisor shift)</source>
      <translation>关闭双人复核（单主管值班）</translation>
    </message>
    <message>
      <source>Four-eyes rule on</source>
      <translation>开启双人复核</translation>
    </message>
    <message>
      <source>Hazard</source>
      <translation>灾种</translation>
    </message>
    <message>
      <source>Headline</source>
      <translation>标题</translation>
    </message>
    <message>
      <source>ISSUE</source>
      <translation>发布</translation>
    </message>
    <message>
      <source>Instructions (English)</source>
      <translation>行动指引（英文）</translation>
    </message>
    <message>
      <source>Issue warning</source>
      <translation>发布预警</translation>
    </message>
    <message>
      <source>Issued</source>
      <translation>已发布</translation>
    </message>
    <message>
      <source>Issue…</source>
      <translation>发放…</translation>
    </message>
    <message>
      <source>Message</source>
      <translation>消息</translation>
    </message>
    <message>
      <source>New headline (English)</source>
      <translation>新标题（英文）</translation>
    </message>
    <message>
      <source>New warning</source>
      <translation>新建预警</translation>
    </message>
    <message>
      <source>New warning…</source>
      <translation>新建预警…</translation>
    </message>
    <message>
      <source>No warning yet: draft one from a template.</source>
      <translation>尚无预警：请从模板起草。</translation>
    </message>
    <message>
      <source>Not sent</source>
      <translation>未发送</translation>
    </message>
    <message>
      <source>Off only for a single-supervisor shift; the change is audited.</source>
      <translation>仅在只有一名值班主管时关闭；此更改会记入审计。</translation>
    </message>
    <message>
      <source>Only a draft can be approved.</source>
      <translation>只有草稿才能批准。</translation>
    </message>
    <message>
      <source>Only a supervisor may approve, issue, update or cancel a warning.</source>
      <translation>只有主管可以批准、发布、更新或撤销预警。</translation>
    </message>
    <message>
      <source>Only a supervisor may change the four-eyes rule.</source>
      <translation>只有主管可以更改双人复核规则。</translation>
    </message>
    <message>
      <source>Only an approved warning can be issued.</source>
      <translation>只有已批准的预警才能发布。</translation>
    </message>
    <message>
      <source>Only an issued warning can be updated, cleared or cancelled.</source>
      <translation>只有已发布的预警才能更新、解除或取消。</translation>
    </message>
    <message>
      <source>Outcome</source>
      <translation>结果</translation>
    </message>
    <message>
      <source>Partial</source>
      <translation>部分送达</translation>
    </message>
    <message>
      <source>Pending</source>
      <translation>等待中</translation>
    </message>
    <message>
      <source>Place</source>
      <translation>地点</translation>
    </message>
    <message>
      <source>Printed notice</source>
      <translation>打印通告</translation>
    </message>
    <message>
      <source>Radio broadcast</source>
      <translation>无线电广播</translation>
    </message>
    <message>
      <source>Retry</source>
      <translation>重试</translation>
    </message>
    <message>
      <source>Retry channel</source>
      <translation>重试渠道</translation>
    </message>
    <message>
      <source>Select a failed channel in the delivery table first.</source>
      <translation>请先在发送表中选择一个失败的渠道。</translation>
    </message>
    <message>
      <source>Select a warning in the list first.</source>
      <translation>请先在列表中选择一条预警。</translation>
    </message>
    <message>
      <source>Send all clear</source>
      <translation>发送解除</translation>
    </message>
    <message>
      <source>Send on</source>
      <translation>发送渠道</translation>
    </message>
    <message>
      <source>Send update</source>
      <translation>发送更新</translation>
    </message>
    <message>
      <source>Sending</source>
      <translation>发送中</translation>
    </message>
    <message>
      <source>Sent</source>
      <translation>已发送</translation>
    </message>
    <message>
      <source>Sirens</source>
      <translation>警报器</translation>
    </message>
    <message>
      <source>State</source>
      <translation>状态</translation>
    </message>
    <message>
      <source>Switch</source>
      <translation>切换</translation>
    </message>
    <message>
      <source>The coverage of chosen sirens</source>
      <translation>所选警报器的覆盖范围</translation>
    </message>
    <message>
      <source>The post is in exercise mode: a live warning cannot be sent from an exercise.</source>
      <translation>本站处于演习模式：演习中不能发送真实预警。</translation>
    </message>
    <message>
      <source>Time</source>
      <translation>时间</translation>
    </message>
    <message>
      <source>Timeline</source>
      <translation>时间线</translation>
    </message>
    <message>
      <source>Update warning</source>
      <translation>更新预警</translation>
    </message>
    <message>
      <source>Updated</source>
      <translation>已更新</translation>
    </message>
    <message>
      <source>Update…</source>
      <translation>更新…</translation>
    </message>
    <message>
      <source>You drafted this warning: another supervisor must approve it (four-eyes rule).</source>
      <translation>此预警由您起草：须由另一名主管批准（双人复核）。</translation>
    </message>
    <message>
      <source>Your PIN</source>
      <translation>您的 PIN 码</translation>
    </message>
    <message>
      <source>e.g. 16:00</source>
      <translation>例如：16:00</translation>
    </message>
    <message>
      <source>e.g. Canal Road riverside</source>
      <translation>例如：运河路沿岸</translation>
    </message>
    <message>
      <source>not ticked</source>
      <translation>未勾选</translation>
    </message>
  </context>
</TS>
