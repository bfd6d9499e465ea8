#!/bin/sh
# excel-eval 离线安装（Linux：统信UOS、麒麟、Debian、Ubuntu……）：不需要网络。
# 在 ${EXCEL_EVAL_HOME:-~/.local/share/excel-eval} 建立虚拟环境，从本目录的 wheels 安装，并把命令 excel-eval
# 链接到 ${EXCEL_EVAL_BIN:-~/.local/bin}。需要 Python 3.11、3.12 或 3.13（EXCEL_EVAL_PYTHON 可指定用哪一个）。
# The virtual environment is made without pip (Debian's python3 lacks ensurepip unless python3-venv is
# installed) and pip is installed into it from its own wheel in wheels/, run straight from the wheel.
set -eu
trap '[ $? -eq 0 ] || echo "安装失败（见上方信息）：请确认安装包完整，且本机的 Python 是 3.11～3.13（x86_64）。" >&2' EXIT
here=$(cd "$(dirname "$0")" && pwd)
home=${EXCEL_EVAL_HOME:-$HOME/.local/share/excel-eval}
bin=${EXCEL_EVAL_BIN:-$HOME/.local/bin}

python=
if [ -n "${EXCEL_EVAL_PYTHON:-}" ]; then  # this one and no other
  set -- "$EXCEL_EVAL_PYTHON"
else
  set -- python3.13 python3.12 python3.11 python3
fi
for candidate in "$@"; do
  if command -v "$candidate" >/dev/null 2>&1 \
      && "$candidate" -c 'import sys; sys.exit(not (3, 11) <= sys.version_info[:2] <= (3, 13))' 2>/dev/null; then
    python=$candidate
    break
  fi
done
if [ -z "$python" ]; then
  echo "没有找到 Python 3.11、3.12 或 3.13：请先安装（如 sudo apt install python3），再运行本脚本。" >&2
  exit 1
fi
set -- "$here"/wheels/pip-*.whl
if [ ! -f "$1" ]; then
  echo "安装包不完整：$here/wheels 中没有 pip 的 wheel。" >&2
  exit 1
fi

echo "正在安装 excel-eval 到 $home（$("$python" --version)，不需要网络）……"
"$python" -m venv --clear --without-pip "$home"
"$home/bin/python" "$1/pip" install --quiet --no-index --find-links "$here/wheels" pip
"$home/bin/python" -m pip install --quiet --no-index --find-links "$here/wheels" --upgrade excel-eval
mkdir -p "$bin"
ln -sf "$home/bin/excel-eval" "$bin/excel-eval"
"$home/bin/excel-eval" --version
echo "安装完成：命令 $bin/excel-eval（$bin 不在 PATH 中时用完整路径）。试一试：excel-eval demo"
echo "卸载：rm -r \"$home\" \"$bin/excel-eval\""
