/*
 * shell.h - the full-screen program as a whole: open the database, sign
 * a clerk in, show Home, run until quit.
 */
#ifndef COOPSTOCK_UI_SHELL_H
#define COOPSTOCK_UI_SHELL_H

/*
 * Run the full-screen interface on the database at db_path (created when
 * missing).  A database that cannot be opened (not a database, from a
 * newer coopstock, unreadable) gives one line on stderr and 1 before the
 * terminal is touched.  Returns the process exit status.
 */
int ui_main(const char *db_path);

#endif
