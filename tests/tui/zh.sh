#!/bin/sh
# zh.sh - the widgets in Chinese (LANG=zh_CN.UTF-8) at 80x24: the key bar
# and help from the translated key table, with no label cut; search, the
# no-match line, a form whose labels are right-aligned by display width,
# and a validation message, all in Chinese.
. "$TESTS_SRCDIR/lib.sh"
. "$TESTS_SRCDIR/tui/lib.sh"

tui_have_tmux || skip_all "tmux is not installed"
UIDEMO=${UIDEMO:-$(dirname "$COOPSTOCK")/tests/tui/uidemo}
[ -x "$UIDEMO" ] || skip_all "tests/tui/uidemo is not built"
locale -a 2>/dev/null | grep -qi '^zh_CN\.utf-\?8$' ||
    skip_all "the zh_CN.UTF-8 locale is not installed (./bootstrap generates it)"

TUI_LANG=zh_CN.UTF-8
TUI_LANGUAGE=zh_CN
tui_start env "UIDEMO_DRAFT=$T/draft" "$UIDEMO"
ok "the list comes up in Chinese" tui_wait "排序：No."
is "the title names the clerk in Chinese" "1" \
    "$(tui_line 0 | grep -c '店员：王芳  \[Longnan\]$')"
is "the key bar: Chinese labels, none cut, more of them fit" \
    " F1/? 帮助  Enter 打开  n 新建  / 查找  o 排序  c 确认  p 打包  s 发货  d 送达" \
    "$(tui_line 23 | sed 's/ *$//')"

tui_send F1
ok "F1 shows the help in Chinese" tui_wait "本界面的按键："
is "the help title" "1" "$(tui_line 0 | grep -c '帮助：Demo list')"
ok "an action's label and sentence" \
    tui_wait "  F10 q ^X       退出: 退出 coopstock"
is "the help's key bar" " Esc 返回" "$(tui_line 23 | sed 's/ *$//')"
tui_send Escape
ok "Esc goes back to the list" tui_wait_gone "本界面的按键："

tui_send /
ok "/ opens the search line" tui_wait "查找："
tui_type "蜂蜜 9999x"
ok "the no-match line" tui_wait "没有与“蜂蜜 9999x”相符的内容。"
tui_send Escape
ok "Esc clears the search" tui_wait_gone "查找："

tui_send n
ok "n opens the form" tui_wait "商品编码:"
# The longest labels are 保质期至 and 商品编码 (8 columns each).
is "labels right-aligned by display width (单位)" "    单位:" \
    "$(tui_screen | grep '单位:' | cut -d' ' -f1-8)"
is "labels right-aligned by display width (商品编码)" "商品编码:" \
    "$(tui_screen | grep '商品编码:' | sed 's/:.*/:/')"
tui_type "核桃王芳"
ok "Chinese typed into the field" tui_wait "名称: 核桃王芳"
tui_send Tab
tui_type "12.345"
tui_send Tab
ok "the validation message is Chinese" tui_wait "价格 小数位太多"
is "the form's key bar" " F1/? 帮助  F2/^O 保存  Tab 下一栏  S-Tab/^P 上一栏  Esc 返回" \
    "$(tui_line 23 | sed 's/ *$//')"
tui_send BSpace Tab Escape
ok "Esc leaves the form" tui_wait "排序：No."
tui_send q
is "q quits with status 0" "0" "$(tui_wait_dead)"
done_testing
