"""excel-eval: checks and scores 项目支出绩效自评 workbooks."""

__version__ = "0.1.0"
