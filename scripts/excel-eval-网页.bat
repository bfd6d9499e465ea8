@echo off
rem Opens the excel-eval page in the default browser (this machine only). Keep this window open
rem while using the page; close it, or press Ctrl+C, to stop: the temporary files are deleted.
chcp 65001 >nul
title excel-eval 网页（关闭此窗口即停止）
where excel-eval >nul 2>nul
if %errorlevel%==0 (
  excel-eval gui %*
) else (
  py -m excel_eval gui %*
)
if errorlevel 1 pause
