@echo off
chcp 65001 >nul
setlocal DisableDelayedExpansion
rem excel-eval 拖放：把工作簿（或一个文件夹）拖到本文件或它的桌面快捷方式上。每个工作簿核对、评分，结果写在它旁边；
rem 文件夹按批处理（excel-eval batch）。窗口保持打开，按任意键关闭。
rem
rem No file name can break this script; tests/test_scripts.py checks each rule against cmd's parsing:
rem - Explorer quotes a dropped path only when it holds a space. C:\in\R&D.xlsx arrives unquoted and
rem   cmd cuts it at the & before this script starts (the first argument is then C:\in\R); a ^ in such
rem   a name is dropped and a comma splits it. cmdcmdline still holds the line exactly as Explorer
rem   wrote it: it is copied with delayed expansion on for that one line (a !variable! is expanded
rem   after the line is parsed, so nothing in its value can act) and excel-eval splits it itself.
rem - Everywhere else delayed expansion is off (a ! in a name would vanish), there is no ( ) block
rem   (percent expansion happens before a block is parsed, so a ) in a name would end it early), and
rem   an argument is only ever used as "%%~1": quoted, on a line outside any block.
rem - It ends with exit, not exit /b: what cmd cut off after an & in the command line never runs.
set "EXCEL_EVAL_SCRIPT=%~f0"
set "EXCEL_EVAL_HERE=%~dp0"
setlocal EnableDelayedExpansion
set "EXCEL_EVAL_LAUNCH=!cmdcmdline!"
setlocal DisableDelayedExpansion

rem The arguments as cmd gave them, for a start from a console (there cmdcmdline is the console's).
set EXCEL_EVAL_ARGS=
:next_argument
if "%~1"=="" goto find_excel_eval
set EXCEL_EVAL_ARGS=%EXCEL_EVAL_ARGS% "%~1"
shift
goto next_argument

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

rem excel-eval drop says what happened: done, done with errors, not done (and why), or how to use this.
%EXCEL_EVAL_RUN% drop%EXCEL_EVAL_ARGS%
set "EXCEL_EVAL_CODE=%errorlevel%"
pause
exit %EXCEL_EVAL_CODE%

:not_installed
echo 没有找到 excel-eval：请先运行离线安装包中的“安装.bat”，或按 README“在 Windows 上使用”安装。
pause
exit 9009
