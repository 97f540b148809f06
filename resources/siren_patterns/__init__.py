"""Built-in siren signal patterns (JSON), loaded by ``ops_console.siren_patterns``."""
