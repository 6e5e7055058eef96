/*
 * Actions on one item that the items screen and the article share: read
 * and star flags kept in step on screen, tags from a prompt, the web
 * page in $BROWSER, and the text piped to a command.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "query.h"
#include "run.h"
#include "ui-int.h"

/* Keep rows in step with a change made to item id. */
static void
ui_item_update(struct ui *ui, int64_t id, int read, int starred)
{
	size_t	 i;

	for (i = 0; i < ui->list.n; i++) {
		if (ui->list.rows[i].id != id)
			continue;
		if (read != -1)
			ui->list.rows[i].read = read;
		if (starred != -1)
			ui->list.rows[i].starred = starred;
	}
	if (ui->have_art && ui->art.id == id) {
		if (read != -1)
			ui->art.item.read = read;
		if (starred != -1)
			ui->art.item.starred = starred;
	}
}

void
ui_undo_clear(struct ui_undo *u)
{
	free(u->ids);
	free(u->what);
	query_tags_free(&u->tags);
	memset(u, 0, sizeof *u);
	u->mark = -1;
}

/* The mark that undoes mark. */
static int
ui_item_inverse(enum store_mark mark)
{
	switch (mark) {
	case STORE_MARK_READ: return (STORE_MARK_UNREAD);
	case STORE_MARK_UNREAD: return (STORE_MARK_READ);
	case STORE_MARK_STAR: return (STORE_MARK_UNSTAR);
	case STORE_MARK_UNSTAR: return (STORE_MARK_STAR);
	case STORE_MARK_HIDE: return (STORE_MARK_UNHIDE);
	default: return (STORE_MARK_HIDE);
	}
}

/* Keep what undoes a mark of ids (taken: the caller's array is ours). */
static void
ui_item_remember(struct ui *ui, int64_t *ids, size_t n,
    enum store_mark mark, const char *what)
{
	ui_undo_clear(&ui->undo);
	ui->undo.ids = ids;
	ui->undo.n = n;
	ui->undo.mark = ui_item_inverse(mark);
	ui->undo.what = xstrdup(what);
}

/* Set a flag on one item. */
int
ui_item_mark(struct ui *ui, int64_t id, enum store_mark mark)
{
	struct store_filter	 f;
	int64_t			 changed, *ids;

	memset(&f, 0, sizeof f);
	f.id = id;
	if (store_mark_items(ui->st, &f, mark, &changed) != 0) {
		ui_message(ui, 1, "cannot change item %lld: %s",
		    (long long)id, store_errmsg(ui->st));
		return (-1);
	}
	ui_item_update(ui, id, mark == STORE_MARK_READ ? 1 :
	    mark == STORE_MARK_UNREAD ? 0 : -1, mark == STORE_MARK_STAR ? 1 :
	    mark == STORE_MARK_UNSTAR ? 0 : -1);
	if (changed != 0) {
		ids = xmalloc(sizeof *ids);
		ids[0] = id;
		ui_item_remember(ui, ids, 1, mark, "the last mark");
	}
	return (0);
}

static char **
ui_item_tag_names(struct ui *ui, size_t *n)
{
	struct store_tag_count	*tags;
	char			**names;
	size_t			  i;

	*n = 0;
	if (store_tags_counts(ui->st, &tags, n) != 0)
		return (NULL);
	names = xreallocarray(NULL, *n + 1, sizeof *names);
	for (i = 0; i < *n; i++) {
		names[i] = tags[i].name;
		tags[i].name = NULL;
	}
	store_tag_counts_free(tags, *n);
	return (names);
}

/* Split "+a -b c" into tags to add and to remove; -1 on a bad name. */
static int
ui_item_tag_words(struct ui *ui, char *line, struct query_tags *t)
{
	char	*w, *save, *cause = NULL;

	for (w = strtok_r(line, " ", &save); w != NULL;
	    w = strtok_r(NULL, " ", &save)) {
		if (query_tags_word(t, w, 1, &cause) != 0) {
			ui_message(ui, 1, "%s", cause);
			free(cause);
			return (-1);
		}
	}
	return (0);
}

/* Does the item carry tag (any case)? */
static int
ui_item_has_tag(const struct store_item *it, const char *tag)
{
	size_t	 i;

	for (i = 0; i < it->ntags; i++) {
		if (util_streq_nocase(it->tags[i], tag))
			return (1);
	}
	return (0);
}

/* What undoes t on item it: tags it gains removed, tags it loses back. */
static void
ui_item_remember_tags(struct ui *ui, const struct store_item *it,
    const struct query_tags *t)
{
	char	*word, *cause = NULL;
	size_t	 i;

	ui_undo_clear(&ui->undo);
	ui->undo.ids = xmalloc(sizeof *ui->undo.ids);
	ui->undo.ids[0] = it->id;
	ui->undo.n = 1;
	ui->undo.what = xstrdup("the last tag change");
	for (i = 0; i < t->nadd; i++) {
		if (ui_item_has_tag(it, t->add[i]))
			continue;
		word = xasprintf("-%s", t->add[i]);
		query_tags_word(&ui->undo.tags, word, 0, &cause);
		free(word);
	}
	for (i = 0; i < t->nremove; i++) {
		if (!ui_item_has_tag(it, t->remove[i]))
			continue;
		word = xasprintf("+%s", t->remove[i]);
		query_tags_word(&ui->undo.tags, word, 0, &cause);
		free(word);
	}
	free(cause);	/* the words were valid tags already */
}

int
ui_item_tag_line(struct ui *ui, int64_t id, char *line)
{
	struct store_filter	 f;
	struct store_item	 it;
	struct query_tags	 t;
	int64_t			 matched;
	int			 rc = 0;

	memset(&t, 0, sizeof t);
	if (ui_item_tag_words(ui, line, &t) != 0)
		rc = -1;
	else if (t.nadd + t.nremove != 0) {
		memset(&f, 0, sizeof f);
		f.id = id;
		if (store_item_get(ui->st, id, &it) == 0) {
			ui_item_remember_tags(ui, &it, &t);
			store_item_free(&it);
		}
		rc = store_tag_items(ui->st, &f, t.add, t.nadd, t.remove,
		    t.nremove, &matched) != 0 ? -1 : 1;
		if (rc == -1)
			ui_message(ui, 1, "cannot change the tags: %s",
			    store_errmsg(ui->st));
		else
			ui_message(ui, 0, "tags changed (u undoes)");
	}
	query_tags_free(&t);
	return (rc);
}

/* Prompt for "+a -b" and change the tags of item id. */
int
ui_item_tags(struct ui *ui, int64_t id)
{
	char	*line;
	int	 rc;

	line = ui_prompt(ui, "tags (+add -remove, Tab completes): ", "",
	    NULL, ui_item_tag_names);
	if (line == NULL)
		return (0);
	rc = ui_item_tag_line(ui, id, line);
	free(line);
	return (rc);
}

static int
ui_item_collect(const struct store_item *it, void *arg)
{
	struct ui_undo	*u = arg;

	u->ids = xreallocarray(u->ids, u->n + 1, sizeof *u->ids);
	u->ids[u->n++] = it->id;
	return (0);
}

/* y or n on the status line. */
static int
ui_item_confirm(struct ui *ui, const char *question)
{
	char	*answer;
	int	 yes;

	if ((answer = ui_prompt(ui, question, "", NULL, NULL)) == NULL)
		return (0);
	yes = answer[0] == 'y' || answer[0] == 'Y';
	free(answer);
	return (yes);
}

void
ui_item_mark_list(struct ui *ui, struct ui_list *l)
{
	struct store_filter	 f = l->base;
	struct ui_undo		 u;
	int64_t			 changed = 0;
	char			 q[96];
	size_t			 i;

	if (l->error != NULL)
		return;
	memset(&u, 0, sizeof u);
	f.unread = 1;
	f.limit = 0;
	if (store_items_list(ui->st, &f, ui_item_collect, &u) != 0) {
		ui_message(ui, 1, "cannot read the list: %s",
		    store_errmsg(ui->st));
		free(u.ids);
		return;
	}
	snprintf(q, sizeof q, "mark %zu items read? (y/n) ", u.n);
	if (u.n > 100 && !ui_item_confirm(ui, q)) {
		ui_message(ui, 0, "nothing marked");
		free(u.ids);
		return;
	}
	if (store_mark_items(ui->st, &l->base, STORE_MARK_READ,
	    &changed) != 0) {
		ui_message(ui, 1, "cannot mark the list read: %s",
		    store_errmsg(ui->st));
		free(u.ids);
		return;
	}
	for (i = 0; i < l->n; i++)
		l->rows[i].read = 1;
	ui_item_remember(ui, u.ids, u.n, STORE_MARK_READ, "marking the list "
	    "read");
	ui_message(ui, 0, "%lld items marked read (u undoes)",
	    (long long)changed);
}

/* u: put back what the last mark or tag change did. */
void
ui_item_undo(struct ui *ui)
{
	struct ui_undo		*u = &ui->undo;
	struct store_filter	 f;
	int64_t			 changed;
	size_t			 i;
	int			 rc = 0;

	if (u->n == 0) {
		ui_message(ui, 0, "nothing to undo");
		return;
	}
	if (store_begin(ui->st) != 0)
		rc = -1;
	for (i = 0; i < u->n && rc == 0; i++) {
		memset(&f, 0, sizeof f);
		f.id = u->ids[i];
		f.hidden = 1;
		if (u->mark >= 0)
			rc = store_mark_items(ui->st, &f, u->mark, &changed);
		else if (u->tags.nadd + u->tags.nremove != 0)
			rc = store_tag_items(ui->st, &f, u->tags.add,
			    u->tags.nadd, u->tags.remove, u->tags.nremove,
			    &changed);
		if (rc == 0 && u->mark >= 0)
			ui_item_update(ui, u->ids[i], u->mark ==
			    STORE_MARK_READ ? 1 : u->mark == STORE_MARK_UNREAD ?
			    0 : -1, u->mark == STORE_MARK_STAR ? 1 :
			    u->mark == STORE_MARK_UNSTAR ? 0 : -1);
	}
	if (rc == 0 && store_commit(ui->st) == 0)
		ui_message(ui, 0, "undid %s", u->what);
	else {
		store_rollback(ui->st);
		ui_message(ui, 1, "cannot undo: %s", store_errmsg(ui->st));
	}
	ui_undo_clear(u);
}

/*
 * The browser's words: "set browser 'firefox %u'", else $BROWSER, else
 * xdg-open; a word %u is the URL, else the URL is one more word.  Never
 * a shell: the URL is one argument whatever it holds.
 */
static char **
ui_item_browser_argv(struct ui *ui, const char *url, char **copy)
{
	const char	*spec;
	char		*w, *save, **argv = NULL;
	size_t		 n = 0;
	int		 placed = 0;

	if ((spec = conf_string(ui->conf, "browser")) == NULL &&
	    ((spec = getenv("BROWSER")) == NULL || *spec == '\0'))
		spec = "xdg-open";
	*copy = xstrdup(spec);
	for (w = strtok_r(*copy, " \t", &save); w != NULL;
	    w = strtok_r(NULL, " \t", &save)) {
		argv = xreallocarray(argv, n + 3, sizeof *argv);
		if (strcmp(w, "%u") == 0) {
			w = (char *)url;
			placed = 1;
		}
		argv[n++] = w;
	}
	if (!placed) {
		argv = xreallocarray(argv, n + 2, sizeof *argv);
		argv[n++] = (char *)url;
	}
	argv[n] = NULL;
	return (argv);
}

/*
 * Open url in the browser: detached, unless "set browser-wait yes" (a
 * terminal browser such as lynx), which gets the terminal until it ends.
 */
void
ui_item_browser(struct ui *ui, const char *url)
{
	char	*copy, **argv, *cause = NULL;
	int	 rc, wait = 0;

	if (url == NULL || *url == '\0') {
		ui_message(ui, 1, "this item has no web address to open");
		return;
	}
	if (conf_bool(ui->conf, "browser-wait", &wait, &cause) != 0) {
		ui_message(ui, 1, "%s", cause);
		free(cause);
		return;
	}
	argv = ui_item_browser_argv(ui, url, &copy);
	if (wait)
		rc = ui_run_child(ui, argv, NULL, 0);
	else
		rc = run_detached(argv, &cause);
	if (rc == -1 && cause != NULL)
		ui_message(ui, 1, "%s; set browser in the config or $BROWSER",
		    cause);
	else if (rc != 0)
		ui_message(ui, 1, "%s could not open the link (exit status "
		    "%d); check set browser or $BROWSER", argv[0], rc);
	else
		ui_message(ui, 0, "opened in %s", argv[0]);
	free(cause);
	free(argv);
	free(copy);
}

/* Prompt for a shell command and give it text on its standard input. */
void
ui_item_pipe(struct ui *ui, const char *text)
{
	char	*cmd, *argv[4];
	int	 rc;

	if ((cmd = ui_prompt(ui, "pipe to: ", "", NULL, NULL)) == NULL)
		return;
	if (*cmd != '\0') {
		argv[0] = (char *)"/bin/sh";
		argv[1] = (char *)"-c";
		argv[2] = cmd;
		argv[3] = NULL;
		rc = ui_run_child(ui, argv, text, 1);
		if (rc != 0)
			ui_message(ui, 1, "the command ended with status %d",
			    rc);
		else
			ui_message(ui, 0, "piped to %s", cmd);
	}
	free(cmd);
}


/*
 * exec and exec& from a key: the bound command with the item in TELEX_*
 * variables.  A foreground one has the terminal until it ends, and its
 * status is shown; a detached one runs on with its output thrown away.
 */
void
ui_item_exec(struct ui *ui, int64_t id, const char *link, int detach)
{
	char	*cause = NULL;
	int	 rc;

	if (ui->command == NULL)
		return;
	if (detach)
		rc = run_item(ui->st, id, ui->command, link, RUN_DETACH,
		    &cause);
	else {
		ui_term_suspend(ui);
		rc = run_item(ui->st, id, ui->command, link, RUN_WAIT, &cause);
		ui_term_resume(ui, 0);
	}
	if (rc == -1)
		ui_message(ui, 1, "%s", cause);
	else if (rc != 0)
		ui_message(ui, 1, "%s ended with status %d", ui->command, rc);
	else
		ui_message(ui, 0, detach ? "started: %s" : "done: %s",
		    ui->command);
	free(cause);
}
