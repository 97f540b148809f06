"""The task board panel: kanban columns of task cards, filters and the task dialog."""

from ops_console.ui.tasks.panel import TaskBoardPanel

__all__ = ["TaskBoardPanel"]
