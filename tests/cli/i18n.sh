#!/bin/sh
# The binary finds its translations: from the build tree (po/locale, made
# by make all) and, once installed, from $(localedir).  With a Chinese
# locale, --help and error messages are Chinese; in C they stay English.
# Order states are translated where a person reads them, not in exports.
. "$TESTS_SRCDIR/lib.sh"

if ! locale -a 2>/dev/null | grep -qi '^zh_CN\.utf-\?8$'; then
	skip_all "the zh_CN.UTF-8 locale is not installed (./bootstrap generates it)"
fi
zh() { env LC_ALL=zh_CN.UTF-8 LANG=zh_CN.UTF-8 LANGUAGE=zh_CN "$COOPSTOCK" "$@"; }
c() { env LC_ALL=C LANGUAGE= "$COOPSTOCK" "$@"; }

run zh --help
is "--help exits 0 in Chinese" 0 "$rc"
ok "--help is in Chinese" sh -c 'printf "%s\n" "$1" | grep -q "^用法："' - "$out"
ok "--help still lists the commands by name" sh -c 'printf "%s\n" "$1" | grep -q "^  init "' - "$out"

run zh --db "$T/x.db" frobnicate
is "unknown command exits 2 in Chinese" 2 "$rc"
is "unknown command: the Chinese error line" \
    "coopstock: 未知命令“frobnicate”（见 coopstock --help）" "$err"

run zh --db "$T/none.db" check
is "check of a missing database exits 1" 1 "$rc"
ok "the missing-database message is Chinese" sh -c 'printf "%s" "$1" | grep -q "没有数据库"' - "$err"

run zh --db "$T/z.db" init
is "init in Chinese exits 0" 0 "$rc"
ok "init reports in Chinese" sh -c 'printf "%s" "$1" | grep -q "已就绪"' - "$out"

# Reports: Chinese headings aligned by display width; what is exported
# (CSV reports, exports) is the same bytes in any language.
run zh --db "$T/z.db" demo
is "demo in Chinese exits 0" 0 "$rc"
run zh --db "$T/z.db" report stock
is "stock report headings in Chinese, aligned by display width" \
    "商品编码  商品              单位    现有  已预留  已过期  可用  补货线
--------  ----------------  ------  ----  ------  ------  ----  ------" \
    "$(printf '%s\n' "$out" | sed -n 3,4p)"
zh --db "$T/z.db" report stock --csv >"$T/zh-report.csv"
c --db "$T/z.db" report stock --csv >"$T/c-report.csv"
ok "report --csv is the same in Chinese and English" cmp -s "$T/zh-report.csv" "$T/c-report.csv"
zh --db "$T/z.db" export orders >"$T/zh-orders.csv"
c --db "$T/z.db" export orders >"$T/c-orders.csv"
ok "export orders is the same in Chinese and English" cmp -s "$T/zh-orders.csv" "$T/c-orders.csv"
ok "export orders wrote rows" test -s "$T/c-orders.csv"

run zh --db "$T/z.db" orders confirm --all
is "orders confirm: a short order is listed in Chinese" \
    "订单 14（taobao 3736028174659203, 许诺）: DS-500 还差 2 bag
已确认 2 个订单" "$out"
is "orders confirm: the summary line in Chinese" \
    "coopstock: 1 个订单库存不足，仍是新订单" "$err"

# Waves: the list's headings aligned by display width, the pick list's
# and the slips' labels in Chinese.
run zh --db "$T/z.db" wave create --all
is "wave create in Chinese exits 0" 0 "$rc"
ok "wave create reports in Chinese" sh -c 'printf "%s\n" "$1" | grep -q "^波次 1：[0-9]* 个订单$"' - "$out"
run zh --db "$T/z.db" wave list
is "wave list headings in Chinese, aligned by display width" \
    "  波次  创建时间          选单方式             订单数    已确认 已打包  已发货" \
    "$(printf '%s\n' "$out" | sed -n 1p)"
run zh --db "$T/z.db" wave picklist 1 --width 42
ok "the pick list is headed in Chinese" sh -c 'printf "%s\n" "$1" | grep -q "^拣货单：波次 1，"' - "$out"
run zh --db "$T/z.db" wave slips 1 --width 42
ok "the packing slips are in Chinese" sh -c 'printf "%s\n" "$1" | grep -q "^装箱单 "' - "$out"

# Order states are shown to a person in their words (the one table in
# src/model/order.c), and kept in English where they are data.
c --db "$T/w.db" demo >/dev/null
run zh --db "$T/w.db" wave create --orders 12
is "a refusal names the order's state in Chinese" \
    "1|coopstock: 订单当前的状态不允许这样做: 订单 12 的状态是新订单；只有已确认的订单能放进波次" \
    "$rc|$err"
run c --db "$T/w.db" wave create --orders 12
is "and in English" \
    "1|coopstock: not allowed in the order's current state: order 12 is new; only confirmed orders can go into a wave" \
    "$rc|$err"
zh --db "$T/w.db" wave create --all >/dev/null
run zh --db "$T/w.db" wave show 1
is "wave show: each order's state in Chinese, aligned by display width" \
    "      10  3735519264038172      马丽          已确认    |      11  6938559013827465102   高峰          已确认    " \
    "$(printf '%s\n' "$out" | sed -n '/^ *1[01] /p' | tr '\n' '|' | sed 's/|$//')"
run c --db "$T/w.db" wave show 1
is "wave show in English: the stored names" \
    "      10  3735519264038172      马丽          confirmed " \
    "$(printf '%s\n' "$out" | sed -n '/^ *10 /p')"
zh --db "$T/w.db" export orders >"$T/zh-w.csv"
ok "the orders export has no translated state" sh -c '! grep -q "已确认\|新订单" "$1"' - "$T/zh-w.csv"

run c --help
ok "--help in the C locale is English" sh -c 'printf "%s\n" "$1" | grep -q "^Usage: coopstock"' - "$out"
done_testing
