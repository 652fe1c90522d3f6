/*
 * i18n.h - the one place the gettext macros are defined.
 *
 * _() marks and translates user-facing text; N_() only marks it (for
 * tables of messages translated where they are shown).  Debug and internal
 * messages are never wrapped: translators should not see them.
 */
#ifndef COOPSTOCK_I18N_H
#define COOPSTOCK_I18N_H

#include <config.h>

#ifdef ENABLE_NLS
#include <libintl.h>
#define _(s) gettext(s)
#define P_(s, p, n) ngettext((s), (p), (n))
#else
#define _(s) (s)
#define P_(s, p, n) ((n) == 1 ? (s) : (p))
#endif
#define N_(s) (s)

#endif
