@echo off
chcp 65001 >nul
setlocal DisableDelayedExpansion
rem excel-eval 离线安装：不需要网络。建立虚拟环境 %%LOCALAPPDATA%%\excel-eval，从本文件夹的 wheels 安装，
rem 再把“excel-eval-拖放”“excel-eval-网页”两个脚本复制到桌面。需要 Python 3.11、3.12 或 3.13（python.org）。
rem Written by the rules of excel-eval-拖放.bat (tests/test_scripts.py): delayed expansion off, no ( )
rem block, no argument used, every path quoted, a hard exit at the end.
set "EXCEL_EVAL_HERE=%~dp0"
set "EXCEL_EVAL_HOME=%LOCALAPPDATA%\excel-eval"

rem A Python the bundle has wheels for: the py launcher's 3.13, 3.12, 3.11, else python on the PATH.
set EXCEL_EVAL_PY=
py -3.13 -c "import sys" >nul 2>nul
if not errorlevel 1 set EXCEL_EVAL_PY=py -3.13
if defined EXCEL_EVAL_PY goto found_python
py -3.12 -c "import sys" >nul 2>nul
if not errorlevel 1 set EXCEL_EVAL_PY=py -3.12
if defined EXCEL_EVAL_PY goto found_python
py -3.11 -c "import sys" >nul 2>nul
if not errorlevel 1 set EXCEL_EVAL_PY=py -3.11
if defined EXCEL_EVAL_PY goto found_python
python -c "import sys; sys.exit(not (3, 11) <= sys.version_info[:2] <= (3, 13))" >nul 2>nul
if not errorlevel 1 set EXCEL_EVAL_PY=python
if not defined EXCEL_EVAL_PY goto no_python
:found_python

echo 正在安装 excel-eval 到 "%EXCEL_EVAL_HOME%"（不需要网络）……
%EXCEL_EVAL_PY% -m venv --clear "%EXCEL_EVAL_HOME%"
if errorlevel 1 goto failed
"%EXCEL_EVAL_HOME%\Scripts\python.exe" -m pip install --quiet --no-index --find-links "%EXCEL_EVAL_HERE%wheels" --upgrade excel-eval
if errorlevel 1 goto failed
"%EXCEL_EVAL_HOME%\Scripts\excel-eval.exe" --version
if errorlevel 1 goto failed

rem The desktop as Windows names it (it may be redirected, to OneDrive for one).
set EXCEL_EVAL_DESKTOP=
for /f "usebackq delims=" %%d in (`powershell -NoProfile -Command "[Environment]::GetFolderPath('Desktop')"`) do set "EXCEL_EVAL_DESKTOP=%%d"
if not defined EXCEL_EVAL_DESKTOP set "EXCEL_EVAL_DESKTOP=%USERPROFILE%\Desktop"
copy /y "%EXCEL_EVAL_HERE%excel-eval-拖放.bat" "%EXCEL_EVAL_DESKTOP%\excel-eval-拖放.bat" >nul
copy /y "%EXCEL_EVAL_HERE%excel-eval-网页.bat" "%EXCEL_EVAL_DESKTOP%\excel-eval-网页.bat" >nul
echo.
echo 安装完成。桌面上有两个脚本：把工作簿或文件夹拖到“excel-eval-拖放”上即可核对评分；双击“excel-eval-网页”在浏览器中使用。
echo 命令行："%EXCEL_EVAL_HOME%\Scripts\excel-eval.exe"。卸载：删除文件夹 "%EXCEL_EVAL_HOME%" 和桌面上的两个脚本。
pause
exit 0

:no_python
echo 没有找到 Python 3.11、3.12 或 3.13：请先从 python.org 安装（安装时勾选“Add python.exe to PATH”），再运行本脚本。
pause
exit 1

:failed
echo 安装失败（见上方信息）。请确认本文件夹中有 wheels 目录，且安装包与本机的 Python 版本相符（3.11、3.12 或 3.13，64 位）。
pause
exit 1
