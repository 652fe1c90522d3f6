#!/bin/sh
# zh-flow.sh - the main flow once, in Chinese (LANG=zh_CN.UTF-8) at 80x24,
# on the demo cooperative: 李娜 signs in, takes in 20 kg of walnuts
# (HT-KG) from the member 李秀英, writes a new walk-in order for 2 kg of
# them, confirms, packs and ships it with a tracking number.  Each step
# waits for the exact Chinese text, each screen's key bar is compared
# whole (a label cut at 80 columns would not match), a refusal names the
# order's state in Chinese, and at the end the command line proves the
# work landed: the stock, the member's balance, the order and the ledger
# check.  Then a packing wave of the two confirmed demo orders.
. "$TESTS_SRCDIR/lib.sh"
. "$TESTS_SRCDIR/tui/lib.sh"

tui_have_tmux || skip_all "tmux is not installed"
locale -a 2>/dev/null | grep -qi '^zh_CN\.utf-\?8$' ||
    skip_all "the zh_CN.UTF-8 locale is not installed (./bootstrap generates it)"

db=$T/zh.db
run cs --db "$db" demo
is "the demo database is made" 0 "$rc"

# The English command line reads the figures back.
on_hand() {
	cs --db "$db" report stock | awk -v s="$1" '$1 == s { print $(NF-4) }'
}
available() {
	cs --db "$db" report stock | awk -v s="$1" '$1 == s { print $(NF-1) }'
}
csv_col() { grep "^$2," | cut -d, -f"$1"; }
balance() { cs --db "$db" report payouts --csv | csv_col 6 "$1"; }
stock0=$(on_hand HT-KG)
bal0=$(balance M002)
# The demo has 14 orders; the new one is 15.
orders0=14

# bar TEXT: the key bar (line 23) is exactly TEXT, no label cut.
bar() { is "$1: key bar whole" "$2" "$(tui_line 23 | sed 's/ *$//')"; }
bar_dialog=" Enter 打开  Esc 返回  F1/? 帮助"
bar_form=" F1/? 帮助  F2/^O 保存  Tab 下一栏  S-Tab/^P 上一栏  Esc 返回"
bar_order=" F1/? 帮助  c 确认  p 打包  s 发货  d 送达  x 取消  r 退货  w 装箱单  Esc 返回"

TUI_LANG=zh_CN.UTF-8
TUI_LANGUAGE=zh_CN
tui_start env "COOPSTOCK_DATADIR=$COOPSTOCK_DATADIR" "HOME=$T" \
    "$COOPSTOCK" --db "$db"

# ---- Sign-in.
ok "sign-in asks who is there, in Chinese" tui_wait "您是哪位？"
ok "and says what to do" tui_wait "欢迎。请选择您的名字，再输入 PIN 码。"
bar "sign-in" " Enter 打开  / 查找  Esc 返回  F1/? 帮助"
tui_send /
tui_type "李娜"
tui_send Enter Enter
ok "the PIN prompt names the clerk" tui_wait "李娜 的 PIN 码:"
bar "PIN prompt" "$bar_dialog"
tui_type 1111
tui_send Enter
ok "Home in Chinese" tui_wait "现在要做的事："
is "the title names screen and clerk" \
    " coopstock  首页                                             店员：李娜  [main]" \
    "$(tui_line 0)"
ok "Home lists the intake" tui_wait "i  入库：社员送来农产品"
bar "Home" " Enter 打开  C 全部确认  ^W 换人  F1/? 帮助  F10/q 退出"

# ---- Intake: 20 kg of walnuts from 李秀英.
tui_send i
ok "the intake form" tui_wait "社员：编号或名字的一部分。商品：SKU、简码或名称。"
is "its labels right-aligned by display width" "入库日期: $(date +%Y-%m-%d)" \
    "$(tui_line 8 | sed 's/ *$//')"
bar "intake" "$bar_form"
tui_type "李秀英"
tui_send Tab
ok "a name finds the member" tui_wait "    社员: M002 李秀英"
tui_type "ht-kg"
tui_send Tab
ok "a SKU finds the product" tui_wait "    商品: HT-KG 薄皮核桃"
tui_type 20
tui_send Tab
tui_type "一级"
tui_send Tab
tui_type 30
tui_send Tab
ok "what is owed to the member" tui_wait "20 x 30.00 = 应付社员 600.00"
tui_send F2
ok "saving offers the receipt" tui_wait "保存到文件（留空：打印）:"
bar "receipt prompt" "$bar_dialog"
tui_type "$T/receipt.txt"
tui_send Enter
ok "the lot is saved and the receipt printed" \
    tui_wait "批次 16 已保存；收据已打印。"
is "the receipt in Chinese" "社员     M002 李秀英" "$(sed -n 6p "$T/receipt.txt")"
is "stock of HT-KG grew by 20 kg" "$((stock0 + 20))" "$(on_hand HT-KG)"
is "M002 is owed 600.00 more" \
    "$(echo "$bal0" | awk '{ printf "%.2f", $1 + 600 }')" "$(balance M002)"

# ---- A new walk-in order for 2 kg of them.
tui_send Escape
tui_wait "现在要做的事：" >/dev/null
tui_send o
ok "all orders" tui_wait "订单：全部订单（$orders0），新的在前"
tui_send n
ok "the new order form" tui_wait "还没有商品行：按 F3 或 Ctrl-T 添加商品。"
is "walk-in to start with" "1" "$(tui_screen | grep -c '^ 渠道: 到店$')"
bar "new order" \
    " F1/? 帮助  F2/^O 保存  F3/^T 加一行  F8/^Y 删除  Tab 下一栏  S-Tab/^P 上一栏"
tui_send Tab
tui_type "张三"
tui_send C-t
ok "Ctrl-T asks for a product" tui_wait "商品（编码、简码或名称）:"
bar "product prompt" "$bar_dialog"
tui_type "HT-KG"
tui_send Enter
ok "the product and what is available" \
    tui_wait "HT-KG 薄皮核桃：可用 $(available HT-KG) kg"
ok "the quantity in its unit" tui_wait "数量（kg）:"
tui_type 2
tui_send Enter
ok "the price starts at the product's" tui_wait "每 kg 单价: 36.00"
tui_send Enter
ok "the line is added" \
    tui_wait "   1  HT-KG         薄皮核桃                 2  kg           36.00        72.00"
ok "running total" tui_wait "1 行   合计：72.00"

# ---- Save and confirm, pack, ship.
tui_send F2
ok "save offers to confirm" tui_wait "订单 $((orders0 + 1)) 已保存。现在确认并预留库存吗？"
bar "yes/no" " y 是  n 否"
tui_send y
ok "saved and confirmed" tui_wait "订单 $((orders0 + 1)) 已保存并确认"
ok "the order's title" tui_wait "coopstock  订单 $((orders0 + 1))：已确认"
ok "who confirmed it" tui_wait "已确认：李娜 于 "
bar "order" "$bar_order"
tui_send c
ok "a second confirm is refused, the state in Chinese" \
    tui_wait "订单 $((orders0 + 1)) 的状态是已确认；只有新订单可以确认"
tui_send p
ok "packed" tui_wait "订单 $((orders0 + 1)) 已打包"
ok "the title follows" tui_wait "coopstock  订单 $((orders0 + 1))：已打包"
tui_send s
ok "ship asks for the courier" tui_wait "其他快递（输入名称）"
bar "courier" " Enter 打开  / 查找  Esc 返回  F1/? 帮助"
tui_send Enter
ok "then the tracking number" tui_wait "运单号:"
bar "tracking prompt" "$bar_dialog"
tui_type "SF1234567890"
tui_send Enter
ok "shipped" tui_wait "订单 $((orders0 + 1)) 已发货：库存已出库"
ok "the shipment is shown" \
    tui_wait "由 sf 发货，运单号 SF1234567890，日期 $(date +%Y-%m-%d)"
ok "the title follows" tui_wait "coopstock  订单 $((orders0 + 1))：已发货"
bar "shipped order" "$bar_order"
tui_send Escape
ok "the list shows it, its state in Chinese" \
    tui_wait "张三                   1       72.00  已发货"

# ---- The two confirmed demo orders in a packing wave: its lines name
# each order's channel and state in Chinese.
tui_send Escape
tui_wait "现在要做的事：" >/dev/null
tui_send w
ok "the packing waves" tui_wait "还没有波次：按 n 用已确认的订单建一个。"
tui_send n
tui_wait "建波次，订单取自" >/dev/null
tui_send Enter
ok "a wave of the confirmed orders" tui_wait "波次 1 已建好，共 2 单。"
tui_send Enter
ok "the wave's orders: channel and state in Chinese" \
    tui_wait "订单 10  淘宝 3735519264038172  马丽  已确认"
tui_send F10
is "F10 leaves" "0" "$(tui_wait_dead)"

# ---- The work landed.
is "2 kg of walnuts left the stock" "$((stock0 + 18))" "$(on_hand HT-KG)"
if [ -n "${SQLITE3:-}" ]; then
	is "the order is shipped, its state stored in English, with its tracking number" \
	    "shipped|SF1234567890|-2000" \
	    "$("$SQLITE3" "$db" "SELECT o.status, s.tracking_no, (SELECT sum(qty) FROM stock_move WHERE order_id = o.id AND kind = 'sale') FROM orders o JOIN shipment s ON s.order_id = o.id WHERE o.id = $((orders0 + 1))")"
else
	skip "the order is shipped, with its tracking number" "no sqlite3"
fi
run cs --db "$db" check
is "coopstock check: the ledger agrees" "0 $db: ok" "$rc $out"
done_testing
