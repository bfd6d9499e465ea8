@echo off
rem Drag Excel workbooks onto this file (or a desktop shortcut to it): each is checked and scored,
rem and the results are written beside it. The window stays open so the summary can be read.
chcp 65001 >nul
where excel-eval >nul 2>nul
if %errorlevel%==0 (
  excel-eval %*
) else (
  py -m excel_eval %*
)
echo.
echo ----------------------------------------
echo 完成。结果文件在原工作簿旁边（文件名以“_评价结果”“_标注”结尾）。
pause
