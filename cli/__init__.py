"""The ``quotestance`` command line: all terminal I/O, formats and exit codes live here."""
