/*
 * The Tiny Tiny RSS backend: its JSON API (POST <url>/api/, "op" and the
 * session in "sid"; errors come as status 1 with content.error).  Labels
 * are feeds with ids below -1024; field 0 of updateArticle is starred,
 * 2 unread.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "json-read.h"
#include "json.h"
#include "sync.h"

#define TTRSS_ALL	(-4)	/* the feed of all articles */
#define TTRSS_STARRED	(-1)

struct ttrss {
	char	*api;		/* ".../api/" */
	struct buf answer;
};

/* The API's address from the one a browser shows (or one in api/). */
static int
ttrss_open(struct sync_conn *c, char **cause)
{
	struct ttrss	*t;
	const char	*url = c->config->url;
	size_t		 len = strlen(url);

	while (len > 0 && url[len - 1] == '/')
		len--;
	if (len == 0) {
		*cause = xstrdup("the address is empty");
		return (-1);
	}
	t = xcalloc(1, sizeof *t);
	if (len >= 4 && strncmp(url + len - 4, "/api", 4) == 0)
		t->api = xasprintf("%.*s/", (int)len, url);
	else
		t->api = xasprintf("%.*s/api/", (int)len, url);
	buf_init(&t->answer, c->poll->max_body);
	c->backend = t;
	return (0);
}

static void
ttrss_close(struct sync_conn *c)
{
	struct ttrss	*t = c->backend;

	if (t == NULL)
		return;
	buf_free(&t->answer);
	free(t->api);
	free(t);
	c->backend = NULL;
}

/* Words for an error the API names. */
static char *
ttrss_error(struct sync_conn *c, const char *error)
{
	if (error == NULL)
		return (xstrdup("the server answered with an error"));
	if (strcmp(error, "LOGIN_ERROR") == 0)
		return (xasprintf("the server refused user %s's password; "
		    "check the user in the sync line and what "
		    "sync-password-command prints", c->config->user));
	if (strcmp(error, "API_DISABLED") == 0)
		return (xasprintf("API access is off for user %s; turn on "
		    "\"Enable API\" in Tiny Tiny RSS's preferences",
		    c->config->user));
	if (strcmp(error, "NOT_LOGGED_IN") == 0)
		return (xstrdup("the server ended the session at once; try "
		    "again later"));
	return (xasprintf("the server answered %s", error));
}

/*
 * POST {"op": op, "sid": session, fields}: 0 with *root (caller frees)
 * and *content, 1 when the session has ended (NOT_LOGGED_IN), or -1.
 */
static int
ttrss_post(struct sync_conn *c, const char *op, const char *fields,
    struct jv **root, const struct jv **content, char **cause)
{
	struct ttrss	*t = c->backend;
	struct buf	 body;
	const char	*error;
	char		*why = NULL;
	int		 first = 1, rc;

	*root = NULL;
	buf_init(&body, 0);
	buf_addc(&body, '{');
	json_key_string(&body, &first, "op", op);
	if (c->session != NULL)
		json_key_string(&body, &first, "sid", c->session);
	if (fields != NULL && *fields != '\0')
		buf_printf(&body, ",%s", fields);
	buf_addc(&body, '}');
	rc = sync_post(c, t->api, body.data, body.len, "application/json",
	    &t->answer, cause);
	util_wipe(body.data, body.len);	/* a login's holds the password */
	buf_free(&body);
	if (rc != 0)
		return (-1);
	*root = jv_parse(t->answer.data, t->answer.len, &why);
	if (*root == NULL || (*root)->type != JV_OBJECT ||
	    jv_get(*root, "status") == NULL) {
		*cause = xstrdup("the answer is not Tiny Tiny RSS's API; give "
		    "the address the browser shows (https://host/tt-rss/)");
		goto fail;
	}
	if (why != NULL || (*root)->incomplete) {
		*cause = xstrdup("the answer was cut off; the next sync goes "
		    "on from there");
		goto fail;
	}
	*content = jv_get(*root, "content");
	if (jv_int(jv_get(*root, "status"), 1) == 0)
		return (0);
	error = jv_get_str(*content, "error");
	if (error != NULL && strcmp(error, "NOT_LOGGED_IN") == 0 &&
	    strcmp(op, "login") != 0) {
		jv_free(*root);
		*root = NULL;
		return (1);
	}
	*cause = ttrss_error(c, error);
fail:
	free(why);
	jv_free(*root);
	*root = NULL;
	return (-1);
}

static int
ttrss_login(struct sync_conn *c, char **cause)
{
	struct jv	*root;
	const struct jv	*content;
	struct buf	 f;
	char		*password;
	const char	*sid;
	int		 first = 1, rc;

	free(c->session);
	c->session = NULL;
	if ((password = sync_password(c, cause)) == NULL)
		return (-1);
	buf_init(&f, 0);
	json_key_string(&f, &first, "user", c->config->user);
	json_key_string(&f, &first, "password", password);
	util_wipe(password, strlen(password));
	free(password);
	rc = ttrss_post(c, "login", f.data, &root, &content, cause);
	util_wipe(f.data, f.len);
	buf_free(&f);
	if (rc != 0)
		return (-1);
	if ((sid = jv_get_str(content, "session_id")) == NULL) {
		jv_free(root);
		*cause = xstrdup("the server gave no session");
		return (-1);
	}
	c->session = xstrdup(sid);
	c->api_level = (int)jv_int(jv_get(content, "api_level"), 0);
	jv_free(root);
	return (0);
}

/* A call that logs in again once when the session has ended. */
static int
ttrss_call(struct sync_conn *c, const char *op, const char *fields,
    struct jv **root, const struct jv **content, char **cause)
{
	int	 rc;

	if ((rc = ttrss_post(c, op, fields, root, content, cause)) != 1)
		return (rc);
	if (ttrss_login(c, cause) != 0)
		return (-1);
	if ((rc = ttrss_post(c, op, fields, root, content, cause)) == 1) {
		*cause = ttrss_error(c, "NOT_LOGGED_IN");
		return (-1);
	}
	return (rc);
}

static char *
ttrss_dup(const struct jv *obj, const char *key)
{
	const char	*s = jv_get_str(obj, key);

	return (s != NULL ? xstrdup(s) : NULL);
}

/* Category names by id, from getCategories. */
static const char *
ttrss_category(const struct jv *cats, int64_t id)
{
	size_t		 i;
	const struct jv	*cat;

	for (i = 0; i < jv_count(cats); i++) {
		cat = jv_at(cats, i);
		if (jv_int(jv_get(cat, "id"), -1) == id && id > 0)
			return (jv_get_str(cat, "title"));
	}
	return (NULL);
}

static int
ttrss_feeds(struct sync_conn *c, struct sync_feed **feeds, size_t *nfeeds,
    struct sync_label **labels, size_t *nlabels, char **cause)
{
	struct jv	*croot, *root;
	const struct jv	*cats, *list, *v;
	const char	*cat;
	size_t		 i;
	int64_t		 id;

	*feeds = NULL;
	*labels = NULL;
	*nfeeds = *nlabels = 0;
	if (ttrss_call(c, "getCategories", NULL, &croot, &cats, cause) != 0)
		return (-1);
	if (ttrss_call(c, "getFeeds", "\"cat_id\":-4", &root, &list,
	    cause) != 0) {
		jv_free(croot);
		return (-1);
	}
	for (i = 0; i < jv_count(list); i++) {
		v = jv_at(list, i);
		id = jv_int(jv_get(v, "id"), 0);
		if (id > 0 && jv_get_str(v, "feed_url") != NULL) {
			*feeds = xreallocarray(*feeds, *nfeeds + 1,
			    sizeof **feeds);
			(*feeds)[*nfeeds].id = id;
			(*feeds)[*nfeeds].url = ttrss_dup(v, "feed_url");
			(*feeds)[*nfeeds].title = ttrss_dup(v, "title");
			cat = ttrss_category(cats, jv_int(jv_get(v, "cat_id"),
			    0));
			(*feeds)[(*nfeeds)++].category = cat != NULL ?
			    xstrdup(cat) : NULL;
		} else if (id < -1024 && jv_get_str(v, "title") != NULL) {
			*labels = xreallocarray(*labels, *nlabels + 1,
			    sizeof **labels);
			(*labels)[*nlabels].id = id;
			(*labels)[(*nlabels)++].caption = ttrss_dup(v, "title");
		}
	}
	jv_free(root);
	jv_free(croot);
	return (0);
}

/* The hash in a guid of version 2: {"ver":2,"uid":N,"hash":"SHA1:..."}. */
static char *
ttrss_guid_hash(const char *guid)
{
	struct jv	*g;
	char		*hash = NULL, *why = NULL;

	if (guid == NULL || *guid != '{')
		return (NULL);
	if ((g = jv_parse(guid, strlen(guid), &why)) != NULL && why == NULL)
		hash = ttrss_dup(g, "hash");
	jv_free(g);
	free(why);
	return (hash);
}

static void
ttrss_article(const struct jv *v, struct sync_article *a)
{
	memset(a, 0, sizeof *a);
	a->id = jv_int(jv_get(v, "id"), 0);
	a->feed_id = jv_int(jv_get(v, "feed_id"), 0);
	a->guid = ttrss_dup(v, "guid");
	if (a->guid == NULL)
		a->guid = xasprintf("ttrss:%lld", (long long)a->id);
	a->guid_hash = ttrss_guid_hash(a->guid);
	a->url = ttrss_dup(v, "link");
	a->title = ttrss_dup(v, "title");
	a->author = ttrss_dup(v, "author");
	a->html = ttrss_dup(v, "content");
	a->updated = jv_int(jv_get(v, "updated"), 0);
	a->unread = jv_bool(jv_get(v, "unread"), 0);
	a->starred = jv_bool(jv_get(v, "marked"), 0);
}

/* One page of getHeadlines; fields beyond the paging in extra. */
static int
ttrss_headlines(struct sync_conn *c, int64_t feed, const char *view,
    int content, int64_t since, size_t skip, struct jv **root,
    const struct jv **list, char **cause)
{
	char	*fields;
	int	 rc;

	fields = xasprintf("\"feed_id\":%lld,\"limit\":%d,\"skip\":%zu,"
	    "\"since_id\":%lld,\"view_mode\":\"%s\",\"show_content\":%s,"
	    "\"show_excerpt\":false,\"order_by\":\"date_reverse\"",
	    (long long)feed, SYNC_PAGE, skip, (long long)since, view,
	    content ? "true" : "false");
	rc = ttrss_call(c, "getHeadlines", fields, root, list, cause);
	free(fields);
	if (rc == 0 && (*list)->type != JV_ARRAY) {
		jv_free(*root);
		*cause = xstrdup("the server's list of articles is not a list");
		return (-1);
	}
	return (rc);
}

static int
ttrss_articles(struct sync_conn *c, int64_t since, size_t skip,
    struct sync_article **a, size_t *n, char **cause)
{
	struct jv	*root;
	const struct jv	*list;
	size_t		 i;

	*a = NULL;
	*n = 0;
	if (ttrss_headlines(c, TTRSS_ALL, "all_articles", 1, since, skip,
	    &root, &list, cause) != 0)
		return (-1);
	if (jv_count(list) != 0)
		*a = xcalloc(jv_count(list), sizeof **a);
	for (i = 0; i < jv_count(list); i++)
		ttrss_article(jv_at(list, i), &(*a)[(*n)++]);
	jv_free(root);
	return (0);
}

static int
ttrss_ids(struct sync_conn *c, enum sync_field field, int64_t label,
    int64_t **ids, size_t *n, char **cause)
{
	struct jv	*root;
	const struct jv	*list;
	size_t		 i, got;
	int64_t		 feed = field == SYNC_FIELD_UNREAD ? TTRSS_ALL :
			    field == SYNC_FIELD_STARRED ? TTRSS_STARRED : label;

	*ids = NULL;
	*n = 0;
	do {
		if (ttrss_headlines(c, feed, field == SYNC_FIELD_UNREAD ?
		    "unread" : "all_articles", 0, 0, *n, &root, &list,
		    cause) != 0) {
			free(*ids);
			*ids = NULL;
			return (-1);
		}
		got = jv_count(list);
		*ids = xreallocarray(*ids, *n + got + 1, sizeof **ids);
		for (i = 0; i < got; i++)
			(*ids)[(*n)++] = jv_int(jv_get(jv_at(list, i), "id"), 0);
		jv_free(root);
	} while (got >= SYNC_PAGE);
	return (0);
}

static int
ttrss_push(struct sync_conn *c, enum sync_field field, int64_t label,
    int value, const int64_t *ids, size_t n, char **cause)
{
	struct jv	*root;
	const struct jv	*content;
	struct buf	 f;
	size_t		 i;
	int		 rc;

	buf_init(&f, 0);
	buf_adds(&f, "\"article_ids\":\"");
	for (i = 0; i < n; i++)
		buf_printf(&f, "%s%lld", i == 0 ? "" : ",", (long long)ids[i]);
	buf_addc(&f, '"');
	if (field == SYNC_FIELD_LABEL)
		buf_printf(&f, ",\"label_id\":%lld,\"assign\":%s",
		    (long long)label, value ? "true" : "false");
	else
		buf_printf(&f, ",\"mode\":%d,\"field\":%d", value ? 1 : 0,
		    field == SYNC_FIELD_STARRED ? 0 : 2);
	rc = ttrss_call(c, field == SYNC_FIELD_LABEL ? "setArticleLabel" :
	    "updateArticle", f.data, &root, &content, cause);
	buf_free(&f);
	jv_free(root);
	return (rc);
}

static int
ttrss_subscribe(struct sync_conn *c, const char *url, char **cause)
{
	struct jv	*root;
	const struct jv	*content;
	struct buf	 f;
	int64_t		 code;
	int		 first = 1, rc;

	buf_init(&f, 0);
	json_key_string(&f, &first, "feed_url", url);
	json_key_int(&f, &first, "category_id", 0);
	rc = ttrss_call(c, "subscribeToFeed", f.data, &root, &content, cause);
	buf_free(&f);
	if (rc != 0)
		return (-1);
	code = jv_int(jv_get(jv_get(content, "status"), "code"), -1);
	jv_free(root);
	if (code == 0 || code == 1)
		return (0);
	*cause = xasprintf("the server could not subscribe to %s (%s)", url,
	    code == 2 ? "it finds the address invalid" : code == 3 ?
	    "it found no feed there" : code == 5 ? "it could not fetch it" :
	    "it found several feeds there; give one");
	return (-1);
}

static int
ttrss_unsubscribe(struct sync_conn *c, int64_t id, char **cause)
{
	struct jv	*root;
	const struct jv	*content;
	char		*fields;
	int		 rc;

	fields = xasprintf("\"feed_id\":%lld", (long long)id);
	rc = ttrss_call(c, "unsubscribeFeed", fields, &root, &content, cause);
	free(fields);
	jv_free(root);
	return (rc);
}

const struct sync_backend sync_ttrss = {
	"ttrss",
	ttrss_open,
	ttrss_close,
	ttrss_login,
	ttrss_feeds,
	ttrss_articles,
	ttrss_ids,
	ttrss_push,
	ttrss_subscribe,
	ttrss_unsubscribe
};
