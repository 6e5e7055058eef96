/*
 * The reader's own parts: screens for feeds, items, an article and help,
 * the key map and colours, and long work (polls, archiving) run by the
 * core on threads of its own.  Nothing shown from a feed skips ui_text_put.
 */
#ifndef TELEX_UI_INT_H
#define TELEX_UI_INT_H

#include <pthread.h>
#include <stdatomic.h>
#include <stddef.h>
#include <stdint.h>

#include "article.h"
#include "clean.h"
#include "conf.h"
#include "query.h"
#include "store.h"
#include "ui.h"
#include "util.h"

enum ui_screen {
	UI_FEEDS,
	UI_ITEMS,
	UI_ARTICLE,
	UI_HELP,
	UI_SCREENS
};

enum ui_action {
	UI_NONE,
	UI_DOWN,
	UI_UP,
	UI_TOP,
	UI_BOTTOM,
	UI_HALF_DOWN,
	UI_HALF_UP,
	UI_PAGE_DOWN,
	UI_PAGE_UP,
	UI_OPEN,
	UI_BACK,
	UI_QUIT,
	UI_TOGGLE_READ,
	UI_MARK_ALL_READ,
	UI_STAR,
	UI_TAG,
	UI_NEXT_UNREAD,
	UI_PREV_UNREAD,
	UI_POLL_ALL,
	UI_POLL,
	UI_SEARCH,
	UI_FIND_NEXT,
	UI_HELP_KEYS,
	UI_BROWSER,
	UI_PIPE,
	UI_ARCHIVE,
	UI_TAGS_VIEW,
	UI_SORT,
	UI_HIDE_READ,
	UI_REDRAW,
	UI_OPEN_LINK,
	UI_DOWNLOAD,
	UI_UNDO,
	UI_COMMAND,
	UI_EXEC,		/* bind KEY exec 'COMMAND' */
	UI_EXEC_DETACH,		/* bind KEY exec& 'COMMAND' */
	UI_SEQUENCE,		/* bind KEY ACTION ; ACTION ... */
	UI_ACTIONS
};

/* Elements that take a colour. */
enum ui_element {
	UI_C_NORMAL,
	UI_C_TITLE,
	UI_C_STATUS,
	UI_C_SELECTED,
	UI_C_UNREAD,
	UI_C_ERROR,
	UI_C_HEADING,
	UI_C_QUOTE,
	UI_C_LINK,
	UI_C_META,
	UI_C_MATCH,
	UI_ELEMENTS
};

/* One row of an items window: display-safe copies. */
struct ui_row {
	int64_t	 id;
	int64_t	 feed_id;
	int64_t	 date;
	int	 read;
	int	 starred;
	char	*feed;
	char	*title;
};

/* What an items screen is a window onto. */
struct ui_query {
	char		*name;		/* shown in the title bar */
	int64_t		 feed_id;
	char		*tag;
	char		*text;		/* query language, or NULL */
	int		 unread_only;
};

/* A window of consecutive rows of a query, paged from the store. */
struct ui_list {
	struct ui_query	 q;
	struct ui_row	*rows;
	size_t		 n;
	size_t		 cur;
	size_t		 top;
	int		 at_start;	/* rows[0] is the query's first */
	int		 at_end;	/* rows[n - 1] is its last */
	char		*error;		/* the query could not be read */
	struct store_filter base;	/* the query, without paging */
	struct query_filter qf;		/* when q.text is set */
};

/* A line of the article pager. */
struct ui_line {
	char		*text;		/* display-safe */
	enum ui_element	 style;
};

struct ui_article {
	int64_t			 id;
	struct store_item	 item;	/* taken from article */
	struct article		 article; /* numbered text and links */
	struct ui_line		*lines;
	size_t			 nlines;
	int			 width;	/* wrapped for */
	size_t			 top;
	char			*find;
	size_t			 found;	/* line of the last match + 1 */
};

/* An entry of the feeds screen. */
enum ui_entry_kind {
	UI_E_ALL,
	UI_E_FEED,
	UI_E_SAVED,
	UI_E_TAG,
	UI_E_LABEL
};

struct ui_entry {
	enum ui_entry_kind	 kind;
	int64_t			 id;
	char			*name;
	char			*query;
	int64_t			 unread;
	int64_t			 total;
	char			*error;
};

struct ui_feeds {
	struct ui_entry	*e;
	size_t		 n;
	size_t		 cur;
	size_t		 top;
	int		 tags_view;
	int		 sort;		/* 0 id, 1 title, 2 unread */
	int		 hide_read;
	int		 empty;		/* no feeds at all */
};

/* One action of a key, with its command for exec and exec&. */
struct ui_step {
	enum ui_action	 action;
	char		*command;
};

struct ui_key {
	int		 key;
	enum ui_action	 action;	/* UI_SEQUENCE: steps say what */
	struct ui_step	*steps;		/* shared by the key's screens */
	size_t		 nsteps;
	char		*label;		/* the bind line's words, for help */
};

/* The last mark or tag change, to undo with u. */
struct ui_undo {
	int64_t			*ids;		/* items the change moved */
	size_t			 n;
	int			 mark;		/* a store_mark undoing it, or -1 */
	struct query_tags	 tags;		/* tags to add and remove back */
	char			*what;		/* "marked 3 items read" */
};

struct ui_poll;
struct ui_job;

struct ui {
	struct store	*st;
	const char	*db_path;
	enum ui_screen	 screen;
	enum ui_screen	 help_from;
	struct ui_feeds	 feeds;
	struct ui_list	 list;
	struct ui_list	 saved_list;	/* before a live search */
	int		 have_saved_list;
	struct ui_article art;
	int		 have_art;
	size_t		 help_top;
	struct ui_key	*keys[UI_SCREENS];
	size_t		 nkeys[UI_SCREENS];
	int		 attrs[UI_ELEMENTS];
	int		 reader_width;
	long		 poll_interval;	/* seconds between polls; 0: none */
	int64_t		 next_poll;	/* when the next one is due */
	struct conf	*conf;		/* may be NULL */
	char		 status[512];
	int		 status_error;
	struct ui_poll	*poll;		/* a poll session, or NULL */
	struct ui_job	*job;		/* an item's page or files, or NULL */
	int		 count;		/* typed number before a key */
	struct ui_undo	 undo;
	const char	*command;	/* of the exec step being run */
	/*
	 * What ui.c lends the screens below it: drawing the whole screen,
	 * and a tick of the work that goes on (busy while some does).
	 */
	void		(*redraw)(struct ui *);
	void		(*tick)(struct ui *);
	int		 busy;
	int		 quit;
	int		 dirty;
	char		*timing;	/* TELEX_UI_TIMING file, or NULL */
};

/* ui-term.c: the terminal, curses on and off, child programs. */
void	 ui_term_start(void);
void	 ui_term_restore(void);
void	 ui_term_signals(void);
int	 ui_run_child(struct ui *, char *const argv[], const char *input,
	     int wait_key);
/* Give the terminal to a program, and take it back. */
void	 ui_term_suspend(struct ui *);
void	 ui_term_resume(struct ui *, int wait_key);

/* ui-text.c: safe, width-aware output; the status line's message. */
void	 ui_message(struct ui *, int error, const char *, ...)
	     __attribute__((format(printf, 3, 4)));
int	 ui_text_width(const char *);
int	 ui_text_put(int y, int x, int cols, const char *, int attr);
size_t	 ui_text_fit(const char *, int cols, int *used);
char	*ui_text_safe(const char *);

/* ui-keys.c */
void	 ui_keys_default(struct ui *);
int	 ui_keys_config(struct ui *, const struct conf *, char **cause);
enum ui_action ui_keys_lookup(const struct ui *, enum ui_screen, int key);
const struct ui_key *ui_keys_find(const struct ui *, enum ui_screen, int key);
const char *ui_keys_name(int key, char *buf, size_t size);
const char *ui_keys_action_name(enum ui_action);
const char *ui_keys_action_help(enum ui_action);
void	 ui_keys_free(struct ui *);
int	 ui_colors_config(struct ui *, const struct conf *, char **cause);

/* ui-list.c: the items window. */
int	 ui_list_open(struct ui *, struct ui_list *, const struct ui_query *);
void	 ui_list_free(struct ui_list *);
void	 ui_query_free(struct ui_query *);
void	 ui_list_move(struct ui *, struct ui_list *, long delta);
void	 ui_list_top(struct ui *, struct ui_list *);
void	 ui_list_bottom(struct ui *, struct ui_list *);
int	 ui_list_goto(struct ui *, struct ui_list *, int64_t date,
	     int64_t id);
int	 ui_list_next_unread(struct ui *, struct ui_list *, int backwards);
void	 ui_list_draw(struct ui *, struct ui_list *);
void	 ui_list_fix_top(struct ui_list *, int rows);
/* n / N: the next unread in this list, else across every feed. */
void	 ui_list_unread(struct ui *, int backwards);

/* ui-items.c: the items screen. */
void	 ui_items_key(struct ui *, enum ui_action);
void	 ui_items_search(struct ui *);

/* ui-item.c: actions on one item, from the items screen or the article. */
int	 ui_item_mark(struct ui *, int64_t id, enum store_mark);
/* 1 when the tags changed, 0 when not, -1 on an error (said). */
int	 ui_item_tags(struct ui *, int64_t id);
/* Change item id's tags by words ("+a -b c"), to be undone by u. */
int	 ui_item_tag_line(struct ui *, int64_t id, char *line);
/* Mark every item of the list read (asking first past 100). */
void	 ui_item_mark_list(struct ui *, struct ui_list *);
/* u: undo the last mark or tag change. */
void	 ui_item_undo(struct ui *);
void	 ui_undo_clear(struct ui_undo *);
void	 ui_item_browser(struct ui *, const char *url);
void	 ui_item_pipe(struct ui *, const char *text);
/* Run ui->command for item id (link: TELEX_LINK, may be NULL). */
void	 ui_item_exec(struct ui *, int64_t id, const char *link, int detach);

/* ui-feeds.c */
int	 ui_feeds_load(struct ui *);
void	 ui_feeds_free(struct ui_feeds *);
void	 ui_feeds_draw(struct ui *);
void	 ui_feeds_key(struct ui *, enum ui_action);

/* ui-article.c */
int	 ui_article_open(struct ui *, int64_t id);
void	 ui_article_free(struct ui_article *);
void	 ui_article_draw(struct ui *);
void	 ui_article_key(struct ui *, enum ui_action);
void	 ui_article_wrap(struct ui_article *, const char *text, int width);

/* ui-prompt.c */
char	*ui_prompt(struct ui *, const char *label, const char *initial,
	     void (*changed)(struct ui *, const char *),
	     char **(*complete)(struct ui *, size_t *));

/*
 * ui-task.c: work on a thread of its own with a connection of its own to
 * the archive; fn's result is kept in status.  Never touches curses.
 */
struct ui_task {
	pthread_t	 thread;
	const char	*db_path;
	int		(*fn)(struct ui_task *, struct store *);
	void		*arg;
	atomic_int	 finished;
	atomic_int	 cancel;	/* asks fn to stop */
	int		 started;
	int		 status;	/* fn's result, or -1 */
	char		*cause;		/* when the archive could not open */
};
int	 ui_task_start(struct ui_task *, const char *db_path,
	     int (*)(struct ui_task *, struct store *), void *arg,
	     char **cause);
/* 1 once it has ended (and is joined), else 0. */
int	 ui_task_done(struct ui_task *);
/* Ask it to stop, wait for it, free what it kept. */
void	 ui_task_stop(struct ui_task *);

/* ui-poll.c: the core's poll session off the event loop's thread. */
void	 ui_poll_start(struct ui *, int64_t feed_id);
int	 ui_poll_busy(const struct ui *);
int	 ui_poll_check(struct ui *);
void	 ui_poll_draw(struct ui *, int y);
void	 ui_poll_free(struct ui *);

/* ui-job.c: an item's page or enclosures fetched off the loop's thread. */
enum ui_job_kind {
	UI_JOB_ARCHIVE,
	UI_JOB_DOWNLOAD
};
void	 ui_job_start(struct ui *, enum ui_job_kind, int64_t id);
int	 ui_job_busy(const struct ui *);
int64_t	 ui_job_check(struct ui *);
void	 ui_job_draw(struct ui *, int y);
void	 ui_job_free(struct ui *);

/* ui-command.c: the ":" line, and the reader's settings. */
void	 ui_command(struct ui *);
/* Read reader-width, poll-interval (and at start poll-on-start). */
void	 ui_settings(struct ui *, int start);

/* ui-help.c */
void	 ui_help_draw(struct ui *);
void	 ui_help_key(struct ui *, enum ui_action);

#endif
