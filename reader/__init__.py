"""Renda Reader (人大报告对读): read, tag and compare local people's congress work reports."""

__version__ = "0.1.0"
