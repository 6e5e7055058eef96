/*
 * Text for the screen: every string from a feed is sanitized (no escape
 * sequences, C0/C1 controls or bidi overrides) and measured in columns,
 * so wide characters (CJK, emoji) keep the columns aligned.
 */
#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>
#include <utf8proc.h>

#include "ui-int.h"

/* A display-safe copy of s (NULL gives ""): one line, caller frees. */
char *
ui_text_safe(const char *s)
{
	return (util_display_safe(s != NULL ? s : ""));
}

/* Columns of one code point: 0 for marks, -1 for what is not shown. */
static int
ui_text_cp_width(utf8proc_int32_t cp)
{
	if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0))
		return (-1);
	return (utf8proc_charwidth(cp));
}

/*
 * How many bytes of s fit in cols columns, whole characters only; the
 * columns they take go in *used.
 */
size_t
ui_text_fit(const char *s, int cols, int *used)
{
	const utf8proc_uint8_t	*p = (const utf8proc_uint8_t *)s;
	utf8proc_int32_t	 cp;
	utf8proc_ssize_t	 len;
	size_t			 i = 0;
	int			 w, total = 0;

	while (p[i] != '\0') {
		if (p[i] < 0x80) {
			cp = p[i];
			len = 1;
		} else if ((len = utf8proc_iterate(p + i, -1, &cp)) <= 0)
			break;
		if ((w = ui_text_cp_width(cp)) < 0)
			w = 0;
		if (total + w > cols)
			break;
		total += w;
		i += (size_t)len;
	}
	if (used != NULL)
		*used = total;
	return (i);
}

int
ui_text_width(const char *s)
{
	int	 used;

	ui_text_fit(s, 1 << 30, &used);
	return (used);
}

/*
 * Write s at (y, x) in at most cols columns with attr, padding the rest
 * with spaces.  Characters a terminal would act on are skipped, so this
 * is safe even for text that was not sanitized.  Returns columns written.
 */
int
ui_text_put(int y, int x, int cols, const char *s, int attr)
{
	const utf8proc_uint8_t	*p = (const utf8proc_uint8_t *)s;
	utf8proc_int32_t	 cp;
	utf8proc_ssize_t	 len;
	size_t			 i = 0;
	int			 w, used = 0;

	if (cols <= 0)
		return (0);
	attrset(attr);
	move(y, x);
	while (p[i] != '\0') {
		len = utf8proc_iterate(p + i, -1, &cp);
		if (len <= 0) {
			i++;
			continue;
		}
		w = ui_text_cp_width(cp);
		if (w < 0 || (cp >= 0x2066 && cp <= 0x2069) ||
		    (cp >= 0x202a && cp <= 0x202e) || cp == 0x200e ||
		    cp == 0x200f || cp == 0x061c) {
			i += (size_t)len;
			continue;
		}
		if (used + w > cols)
			break;
		addnstr((const char *)p + i, (int)len);
		used += w;
		i += (size_t)len;
	}
	for (w = used; w < cols; w++)
		addch(' ');
	attrset(A_NORMAL);
	return (used);
}

/* Put a message in the status line (never on stderr). */
void
ui_message(struct ui *ui, int error, const char *fmt, ...)
{
	va_list	 ap;
	char	*safe;

	va_start(ap, fmt);
	vsnprintf(ui->status, sizeof ui->status, fmt, ap);
	va_end(ap);
	safe = ui_text_safe(ui->status);
	snprintf(ui->status, sizeof ui->status, "%s", safe);
	free(safe);
	ui->status_error = error;
	ui->dirty = 1;
}
