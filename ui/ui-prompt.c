/*
 * The one-line prompt in the status line: editing keys, Tab completion
 * from a list, and a callback on every change (live search).  Polling
 * and child jobs go on while it waits for keys.
 */
#include "config.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include <curses.h>

#include "ui-int.h"

#define UI_PROMPT_MAX	1024

/* Remove the last UTF-8 character (or word) of b. */
static void
ui_prompt_erase(struct buf *b, int word)
{
	while (word && b->len > 0 && b->data[b->len - 1] == ' ')
		b->len--;
	while (b->len > 0) {
		b->len--;
		if (word ? (b->len > 0 && b->data[b->len - 1] == ' ') :
		    ((unsigned char)b->data[b->len] & 0xc0) != 0x80)
			break;
	}
	b->data[b->len] = '\0';
}

/* Complete the last word (after + or -) to the candidates' common prefix. */
static void
ui_prompt_complete(struct ui *ui, struct buf *b,
    char **(*complete)(struct ui *, size_t *))
{
	char	**cands, *word, *common = NULL;
	size_t	  n, i, wlen, k, matches = 0;

	word = strrchr(b->data, ' ');
	word = word != NULL ? word + 1 : b->data;
	if (*word == '+' || *word == '-')
		word++;
	wlen = strlen(word);
	cands = complete(ui, &n);
	for (i = 0; i < n; i++) {
		if (strncasecmp(cands[i], word, wlen) != 0)
			continue;
		matches++;
		if (common == NULL)
			common = xstrdup(cands[i]);
		for (k = 0; common[k] != '\0' && common[k] == cands[i][k]; k++)
			;
		common[k] = '\0';
	}
	if (common != NULL && strlen(common) >= wlen) {
		b->len = (size_t)(word - b->data);
		b->data[b->len] = '\0';
		buf_adds(b, common);
		if (matches == 1)
			buf_addc(b, ' ');
	}
	if (matches == 0)
		ui_message(ui, 0, "no tag starts with that");
	free(common);
	for (i = 0; i < n; i++)
		free(cands[i]);
	free(cands);
}

static void
ui_prompt_draw(struct ui *ui, const char *label, const struct buf *b)
{
	int	 x, w;
	size_t	 skip = 0;

	ui->redraw(ui);
	x = ui_text_put(LINES - 1, 0, COLS, label, A_BOLD);
	/* Show the end of a long line. */
	w = ui_text_width(b->data);
	while (w > COLS - x - 1 && b->data[skip] != '\0') {
		skip++;
		while (((unsigned char)b->data[skip] & 0xc0) == 0x80)
			skip++;
		w = ui_text_width(b->data + skip);
	}
	ui_text_put(LINES - 1, x, COLS - x, b->data + skip, A_NORMAL);
	move(LINES - 1, x + w);
	curs_set(1);
	refresh();
}

/* Add a typed character; 1 if the text changed. */
static int
ui_prompt_add(struct buf *b, wint_t wc)
{
	char		 mb[MB_LEN_MAX];
	mbstate_t	 ps;
	size_t		 n;

	if (wc < 32 || wc == 127)
		return (0);
	memset(&ps, 0, sizeof ps);
	if ((n = wcrtomb(mb, (wchar_t)wc, &ps)) == (size_t)-1)
		return (0);
	return (b->len + n < UI_PROMPT_MAX && buf_add(b, mb, n) == 0);
}

/*
 * Read a line in the status line after label, starting from initial.
 * changed (may be NULL) is called after each edit; complete (may be
 * NULL) gives Tab its candidates.  Returns the text (caller frees), or
 * NULL when the user cancels with Esc or ^G.
 */
char *
ui_prompt(struct ui *ui, const char *label, const char *initial,
    void (*changed)(struct ui *, const char *),
    char **(*complete)(struct ui *, size_t *))
{
	struct buf	 b;
	wint_t		 wc;
	int		 rc, edit;

	buf_init(&b, UI_PROMPT_MAX);
	buf_adds(&b, initial != NULL ? initial : "");
	ui->status[0] = '\0';
	for (;;) {
		ui_prompt_draw(ui, label, &b);
		timeout(ui->busy ? 50 : -1);
		rc = get_wch(&wc);
		ui->tick(ui);
		if (rc == ERR)
			continue;
		edit = 0;
		if (rc == KEY_CODE_YES) {
			if (wc == KEY_BACKSPACE) {
				ui_prompt_erase(&b, 0);
				edit = 1;
			} else if (wc == KEY_ENTER)
				break;
		} else if (wc == '\n' || wc == '\r')
			break;
		else if (wc == 27 || wc == ('g' & 0x1f)) {
			buf_free(&b);
			curs_set(0);
			return (NULL);
		} else if (wc == 127 || wc == ('h' & 0x1f) ||
		    wc == ('w' & 0x1f)) {
			ui_prompt_erase(&b, wc == ('w' & 0x1f));
			edit = 1;
		} else if (wc == ('u' & 0x1f)) {
			buf_reset(&b);
			edit = 1;
		} else if (wc == '\t' && complete != NULL)
			ui_prompt_complete(ui, &b, complete), edit = 1;
		else
			edit = ui_prompt_add(&b, wc);
		if (edit && changed != NULL)
			changed(ui, b.data);
	}
	curs_set(0);
	return (buf_steal(&b));
}
