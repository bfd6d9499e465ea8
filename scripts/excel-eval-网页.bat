@echo off
chcp 65001 >nul
setlocal DisableDelayedExpansion
rem excel-eval 网页：在默认浏览器中打开本机网页（只在本机）。使用时保持本窗口打开；关闭它或按 Ctrl+C 即停止，临时文件随之删除。
rem Written by the rules of excel-eval-拖放.bat (tests/test_scripts.py): delayed expansion off, no ( )
rem block, no argument used at all, a hard exit at the end.
title excel-eval 网页（关闭此窗口即停止）
set "EXCEL_EVAL_HERE=%~dp0"

:find_excel_eval
rem Where 安装.bat installs it, a virtual environment beside a clone, the PATH, then the py launcher.
set EXCEL_EVAL_RUN=
if exist "%LOCALAPPDATA%\excel-eval\Scripts\excel-eval.exe" set EXCEL_EVAL_RUN="%LOCALAPPDATA%\excel-eval\Scripts\excel-eval.exe"
if defined EXCEL_EVAL_RUN goto found_excel_eval
if exist "%EXCEL_EVAL_HERE%..\.venv\Scripts\excel-eval.exe" set EXCEL_EVAL_RUN="%EXCEL_EVAL_HERE%..\.venv\Scripts\excel-eval.exe"
if defined EXCEL_EVAL_RUN goto found_excel_eval
where excel-eval >nul 2>nul
if not errorlevel 1 set EXCEL_EVAL_RUN=excel-eval
if defined EXCEL_EVAL_RUN goto found_excel_eval
py -c "import excel_eval" >nul 2>nul
if not errorlevel 1 set EXCEL_EVAL_RUN=py -m excel_eval
if not defined EXCEL_EVAL_RUN goto not_installed
:found_excel_eval

%EXCEL_EVAL_RUN% gui
set "EXCEL_EVAL_CODE=%errorlevel%"
if not "%EXCEL_EVAL_CODE%"=="0" pause
exit %EXCEL_EVAL_CODE%

:not_installed
echo 没有找到 excel-eval：请先运行离线安装包中的“安装.bat”，或按 README“在 Windows 上使用”安装。
pause
exit 9009
