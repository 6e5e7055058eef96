/*
 * The key map and colours: defaults per screen, changed by the config
 * file's "bind KEY ACTION" and "color ELEMENT FG BG [ATTR]" lines.  The
 * help screen is drawn from this same map, so it is always true.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curses.h>

#include "ui-int.h"

#define UI_CTRL(c)	((c) & 0x1f)
#define S_F		(1 << UI_FEEDS)
#define S_I		(1 << UI_ITEMS)
#define S_A		(1 << UI_ARTICLE)
#define S_H		(1 << UI_HELP)
#define S_ALL		(S_F | S_I | S_A | S_H)
#define S_LISTS		(S_F | S_I)

static const struct {
	const char	*name;
	int		 screens;	/* where it means something */
	const char	*help;
} ui_actions[UI_ACTIONS] = {
	[UI_NONE] = { "none", S_ALL, "nothing (unbinds a key)" },
	[UI_DOWN] = { "down", S_ALL, "next line" },
	[UI_UP] = { "up", S_ALL, "previous line" },
	[UI_TOP] = { "top", S_ALL, "first line" },
	[UI_BOTTOM] = { "bottom", S_ALL, "last line" },
	[UI_HALF_DOWN] = { "half-down", S_ALL, "half a page down" },
	[UI_HALF_UP] = { "half-up", S_ALL, "half a page up" },
	[UI_PAGE_DOWN] = { "page-down", S_ALL, "a page down" },
	[UI_PAGE_UP] = { "page-up", S_ALL, "a page up" },
	[UI_OPEN] = { "open", S_LISTS, "open the selected line" },
	[UI_BACK] = { "back", S_ALL, "go back a screen" },
	[UI_QUIT] = { "quit", S_ALL, "quit telex" },
	[UI_TOGGLE_READ] = { "toggle-read", S_I | S_A,
	    "mark read, or unread again" },
	[UI_MARK_ALL_READ] = { "mark-all-read", S_LISTS,
	    "mark every item of the list read" },
	[UI_STAR] = { "star", S_I | S_A, "star or unstar" },
	[UI_TAG] = { "tag", S_I | S_A, "edit tags: +add -remove (Tab completes)" },
	[UI_NEXT_UNREAD] = { "next-unread", S_F | S_I | S_A,
	    "next unread item, across feeds" },
	[UI_PREV_UNREAD] = { "prev-unread", S_F | S_I | S_A,
	    "previous unread item" },
	[UI_POLL_ALL] = { "poll-all", S_ALL, "poll every feed" },
	[UI_POLL] = { "poll", S_F | S_I | S_A,
	    "poll this feed (the selected one, the list's or the item's)" },
	[UI_SEARCH] = { "search", S_F | S_I | S_A,
	    "search (live as you type); in an article, find text" },
	[UI_FIND_NEXT] = { "find-next", S_A, "find the same text again" },
	[UI_HELP_KEYS] = { "help", S_F | S_I | S_A, "this list of keys" },
	[UI_BROWSER] = { "open-browser", S_I | S_A,
	    "open in $BROWSER (a number first: that link)" },
	[UI_PIPE] = { "pipe", S_I | S_A,
	    "pipe the article as shown (title, meta, address, text) to a "
	    "command" },
	[UI_ARCHIVE] = { "archive", S_I | S_A,
	    "download the full page and show it" },
	[UI_TAGS_VIEW] = { "tags-view", S_F, "switch between feeds and tags" },
	[UI_SORT] = { "sort", S_F, "sort feeds by id, title or unread" },
	[UI_HIDE_READ] = { "hide-read", S_LISTS,
	    "hide or show what is read" },
	[UI_REDRAW] = { "redraw", S_ALL, "redraw the screen" },
	[UI_UNDO] = { "undo", S_I | S_A,
	    "undo the last mark or tag change" },
	[UI_COMMAND] = { "command", S_F | S_I | S_A,
	    "a command line taking the config's words (:set, :tag, :prune)" },
	[UI_DOWNLOAD] = { "download", S_I | S_A,
	    "download the item's enclosures (set download-dir)" },
	[UI_OPEN_LINK] = { "open-link", S_A,
	    "open link number N (asked for) in the browser" },
	[UI_EXEC] = { "exec", S_I | S_A,
	    "run a command with the item in TELEX_* (a number first: "
	    "TELEX_LINK)" },
	[UI_EXEC_DETACH] = { "exec&", S_I | S_A,
	    "start a command with the item, output discarded" },
	[UI_SEQUENCE] = { "", 0, "" },
};

static const struct {
	int		 screens;
	int		 key;
	enum ui_action	 action;
} ui_default_keys[] = {
	{ S_ALL, 'j', UI_DOWN }, { S_ALL, KEY_DOWN, UI_DOWN },
	{ S_ALL, 'k', UI_UP }, { S_ALL, KEY_UP, UI_UP },
	{ S_ALL, 'g', UI_TOP }, { S_ALL, KEY_HOME, UI_TOP },
	{ S_ALL, 'G', UI_BOTTOM }, { S_ALL, KEY_END, UI_BOTTOM },
	{ S_ALL, UI_CTRL('d'), UI_HALF_DOWN },
	{ S_ALL, UI_CTRL('u'), UI_HALF_UP },
	{ S_ALL, KEY_NPAGE, UI_PAGE_DOWN }, { S_A, ' ', UI_PAGE_DOWN },
	{ S_ALL, UI_CTRL('f'), UI_PAGE_DOWN },
	{ S_ALL, KEY_PPAGE, UI_PAGE_UP }, { S_ALL, UI_CTRL('b'), UI_PAGE_UP },
	{ S_LISTS, '\n', UI_OPEN }, { S_LISTS, KEY_ENTER, UI_OPEN },
	{ S_LISTS, 'l', UI_OPEN }, { S_LISTS, KEY_RIGHT, UI_OPEN },
	{ S_ALL, 'q', UI_BACK }, { S_I | S_A | S_H, KEY_LEFT, UI_BACK },
	{ S_I | S_A | S_H, 'h', UI_BACK },
	{ S_ALL, 'Q', UI_QUIT },
	{ S_I | S_A, 'N', UI_TOGGLE_READ },
	{ S_LISTS, 'A', UI_MARK_ALL_READ },
	{ S_I | S_A, 's', UI_STAR }, { S_I | S_A, 't', UI_TAG },
	{ S_F | S_I | S_A, 'n', UI_NEXT_UNREAD },
	{ S_F | S_I | S_A, 'p', UI_PREV_UNREAD },
	{ S_ALL, 'R', UI_POLL_ALL }, { S_F | S_I | S_A, 'r', UI_POLL },
	{ S_F | S_I | S_A, '/', UI_SEARCH }, { S_A, '.', UI_FIND_NEXT },
	{ S_F | S_I | S_A, '?', UI_HELP_KEYS },
	{ S_I | S_A, 'o', UI_BROWSER }, { S_I | S_A, '|', UI_PIPE },
	{ S_A, '#', UI_OPEN_LINK }, { S_I | S_A, 'D', UI_DOWNLOAD },
	{ S_I | S_A, 'u', UI_UNDO }, { S_F | S_I | S_A, ':', UI_COMMAND },
	{ S_I | S_A, 'a', UI_ARCHIVE },
	{ S_F, 'T', UI_TAGS_VIEW }, { S_F, 'S', UI_SORT },
	{ S_LISTS, 'H', UI_HIDE_READ },
	{ S_ALL, UI_CTRL('l'), UI_REDRAW },
};

static const struct {
	const char	*name;
	int		 key;
} ui_key_names[] = {
	{ "Enter", '\n' }, { "Space", ' ' }, { "Tab", '\t' },
	{ "Esc", 27 }, { "Up", KEY_UP }, { "Down", KEY_DOWN },
	{ "Left", KEY_LEFT }, { "Right", KEY_RIGHT }, { "PgUp", KEY_PPAGE },
	{ "PgDn", KEY_NPAGE }, { "Home", KEY_HOME }, { "End", KEY_END },
	{ "Backspace", KEY_BACKSPACE }, { "Delete", KEY_DC },
	{ "KeypadEnter", KEY_ENTER },
};

const char *
ui_keys_action_name(enum ui_action a)
{
	return (ui_actions[a].name);
}

const char *
ui_keys_action_help(enum ui_action a)
{
	return (ui_actions[a].help);
}

/* A key as a person writes it: "j", "^D", "PgDn". */
const char *
ui_keys_name(int key, char *buf, size_t size)
{
	size_t	 i;

	for (i = 0; i < UTIL_ARRLEN(ui_key_names); i++) {
		if (ui_key_names[i].key == key)
			return (ui_key_names[i].name);
	}
	if (key >= 1 && key < 32)
		snprintf(buf, size, "^%c", key + '@');
	else if (key > 32 && key < 127)
		snprintf(buf, size, "%c", key);
	else
		snprintf(buf, size, "key-%d", key);
	return (buf);
}

/* The key a name stands for, or -1. */
static int
ui_keys_parse(const char *s)
{
	size_t	 i;

	for (i = 0; i < UTIL_ARRLEN(ui_key_names); i++) {
		if (util_streq_nocase(ui_key_names[i].name, s))
			return (ui_key_names[i].key);
	}
	if (s[0] == '^' && s[1] != '\0' && s[2] == '\0')
		return (UI_CTRL(s[1]));
	if (strlen(s) == 1 && (unsigned char)s[0] > 32 &&
	    (unsigned char)s[0] < 127)
		return ((unsigned char)s[0]);
	return (-1);
}

static int
ui_keys_action(const char *s)
{
	int	 a;

	for (a = 0; a < UI_ACTIONS; a++) {
		if (strcmp(ui_actions[a].name, s) == 0)
			return (a);
	}
	return (-1);
}

static void
ui_key_clear(struct ui_key *k)
{
	size_t	 i;

	for (i = 0; i < k->nsteps; i++)
		free(k->steps[i].command);
	free(k->steps);
	free(k->label);
	k->steps = NULL;
	k->nsteps = 0;
	k->label = NULL;
}

/* Bind key to action on one screen, replacing what it did there. */
static struct ui_key *
ui_keys_set(struct ui *ui, enum ui_screen sc, int key, enum ui_action a)
{
	struct ui_key	*k = NULL;
	size_t		 i;

	for (i = 0; i < ui->nkeys[sc] && k == NULL; i++) {
		if (ui->keys[sc][i].key == key)
			k = &ui->keys[sc][i];
	}
	if (k == NULL) {
		ui->keys[sc] = xreallocarray(ui->keys[sc], ui->nkeys[sc] + 1,
		    sizeof *ui->keys[sc]);
		k = &ui->keys[sc][ui->nkeys[sc]++];
	} else
		ui_key_clear(k);
	memset(k, 0, sizeof *k);
	k->key = key;
	k->action = a;
	return (k);
}

void
ui_keys_default(struct ui *ui)
{
	size_t	 i;
	int	 sc;

	for (i = 0; i < UTIL_ARRLEN(ui_default_keys); i++) {
		for (sc = 0; sc < UI_SCREENS; sc++) {
			if (ui_default_keys[i].screens & (1 << sc))
				ui_keys_set(ui, sc, ui_default_keys[i].key,
				    ui_default_keys[i].action);
		}
	}
}

void
ui_keys_free(struct ui *ui)
{
	size_t	 i;
	int	 sc;

	for (sc = 0; sc < UI_SCREENS; sc++) {
		for (i = 0; i < ui->nkeys[sc]; i++)
			ui_key_clear(&ui->keys[sc][i]);
		free(ui->keys[sc]);
		ui->keys[sc] = NULL;
		ui->nkeys[sc] = 0;
	}
}

const struct ui_key *
ui_keys_find(const struct ui *ui, enum ui_screen sc, int key)
{
	size_t	 i;

	for (i = 0; i < ui->nkeys[sc]; i++) {
		if (ui->keys[sc][i].key == key)
			return (&ui->keys[sc][i]);
	}
	return (NULL);
}

enum ui_action
ui_keys_lookup(const struct ui *ui, enum ui_screen sc, int key)
{
	const struct ui_key	*k;

	return ((k = ui_keys_find(ui, sc, key)) != NULL ? k->action : UI_NONE);
}

/*
 * The steps of a bind line from word at on: ACTION, or exec COMMAND or
 * exec& COMMAND, separated by ";".  Returns the screens where every
 * step means something, or -1 with *cause set.
 */
static int
ui_keys_steps(const struct conf *cf, const struct conf_line *l, int at,
    struct ui_step **steps, size_t *n, char **cause)
{
	const char	*word;
	int		 a, screens = S_ALL;

	for (; at < l->argc; at++) {
		word = l->argv[at];
		if ((a = ui_keys_action(word)) == -1 || a == UI_SEQUENCE) {
			*cause = xasprintf("\"%s\" is not an action: telex(1) "
			    "lists them under KEYS (%s, line %d)", word,
			    l->file, l->line);
			return (-1);
		}
		*steps = xreallocarray(*steps, *n + 1, sizeof **steps);
		(*steps)[*n].action = a;
		(*steps)[*n].command = NULL;
		if (a == UI_EXEC || a == UI_EXEC_DETACH) {
			if (++at == l->argc) {
				*cause = xasprintf("%s wants a command, as in "
				    "bind m %s 'mpv \"$TELEX_ENCLOSURE\"' (%s, "
				    "line %d)", word, word, l->file, l->line);
				return (-1);
			}
			(*steps)[*n].command = xstrdup(l->argv[at]);
		}
		(*n)++;
		screens &= ui_actions[a].screens;
		if (at + 1 < l->argc && strcmp(l->argv[at + 1], ";") != 0) {
			*cause = xasprintf("actions of one key are separated by "
			    "\";\", not \"%s\" (%s, line %d)", l->argv[at + 1],
			    l->file, l->line);
			return (-1);
		}
		at++;	/* the ";" */
	}
	return (screens);
}

/* The steps given to key on screen sc (a copy each). */
static void
ui_keys_set_steps(struct ui *ui, int sc, int key, const struct ui_step *steps,
    size_t n, const char *label)
{
	struct ui_key	*k;
	size_t		 i;

	k = ui_keys_set(ui, sc, key, UI_SEQUENCE);
	k->steps = xreallocarray(NULL, n, sizeof *k->steps);
	for (i = 0; i < n; i++) {
		k->steps[i].action = steps[i].action;
		k->steps[i].command = steps[i].command != NULL ?
		    xstrdup(steps[i].command) : NULL;
	}
	k->nsteps = n;
	k->label = xstrdup(label);
}

static char *
ui_keys_label(const struct conf_line *l)
{
	struct buf	 b;
	int		 i;

	buf_init(&b, 0);
	for (i = 2; i < l->argc; i++)
		buf_printf(&b, "%s%s", i > 2 ? " " : "", l->argv[i]);
	return (buf_steal(&b));
}

/*
 * One "bind KEY ACTION [; ACTION]..." line, on every screen where its
 * actions mean something.
 */
static int
ui_keys_bind(struct ui *ui, const struct conf *cf,
    const struct conf_line *l, char **cause)
{
	struct ui_step	*steps = NULL;
	size_t		 n = 0, i;
	char		*label;
	int		 key, sc, screens, rc = -1;

	if (l->argc < 3) {
		*cause = xasprintf("bind takes a key and an action, as in "
		    "\"bind x toggle-read\" (%s, line %d)", l->file, l->line);
		return (-1);
	}
	if ((key = ui_keys_parse(l->argv[1])) == -1) {
		*cause = xasprintf("\"%s\" is not a key: use a character, ^X, "
		    "Enter, Space, Up, PgDn... (%s, line %d)", l->argv[1],
		    l->file, l->line);
		return (-1);
	}
	if ((screens = ui_keys_steps(cf, l, 2, &steps, &n, cause)) == -1)
		goto out;
	label = ui_keys_label(l);
	for (sc = 0; sc < UI_SCREENS; sc++) {
		if (!(screens & (1 << sc)))
			continue;
		if (n == 1 && steps[0].command == NULL)
			ui_keys_set(ui, sc, key, steps[0].action);
		else
			ui_keys_set_steps(ui, sc, key, steps, n, label);
	}
	free(label);
	rc = 0;
out:
	for (i = 0; i < n; i++)
		free(steps[i].command);
	free(steps);
	return (rc);
}

int
ui_keys_config(struct ui *ui, const struct conf *cf, char **cause)
{
	const struct conf_line	*l;
	size_t			 i = 0;

	if (cf == NULL)
		return (0);
	while ((l = conf_next(cf, "bind", &i)) != NULL) {
		if (ui_keys_bind(ui, cf, l, cause) != 0)
			return (-1);
	}
	return (0);
}
