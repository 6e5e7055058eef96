/*
 * What sync's backends share: a POST to the server through the poller
 * (its timeouts, TLS checks and size limits), the password command, and
 * freeing the lists they make.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "run.h"
#include "sync.h"

#define SYNC_PASSWORD_SECONDS	120	/* a prompt for a passphrase */

/*
 * Run the password command and read the first line it prints.  The
 * password goes through a pipe only: never in an argument, the
 * environment, the archive or a message.
 */
char *
sync_password(struct sync_conn *c, char **cause)
{
	char	*secret = NULL, *why = NULL;

	if (c->config->password_command == NULL) {
		*cause = xstrdup("no password: add \"sync-password-command "
		    "'CMD'\" to the config (CMD prints the password)");
		return (NULL);
	}
	if (run_secret(c->config->password_command, SYNC_PASSWORD_SECONDS,
	    &secret, &why) != 0) {
		*cause = xasprintf("sync-password-command: %s; run it by hand "
		    "to see why", why);
		free(why);
		return (NULL);
	}
	/* run_secret never gives an empty line: "printed nothing". */
	return (secret);
}

struct sync_reply {
	struct buf	*out;
	char		*error;
	double		 seconds;
};

static void
sync_post_done(const struct poll_response *r, void *arg)
{
	struct sync_reply	*sr = arg;

	sr->seconds = r->seconds;
	if (r->result == POLL_FAILED) {
		sr->error = xstrdup(r->error != NULL ? r->error :
		    "the request failed");
		return;
	}
	if (r->http_status != 200) {
		sr->error = xasprintf("the server answered HTTP %ld%s",
		    r->http_status, r->http_status == 404 ? " (is the URL the "
		    "one the browser shows for Tiny Tiny RSS?)" : "");
		return;
	}
	buf_add(sr->out, r->body, r->len);
	buf_addc(sr->out, '\0');
	sr->out->len--;
}

int
sync_post(struct sync_conn *c, const char *url, const char *body, size_t len,
    const char *content_type, struct buf *out, char **cause)
{
	struct poll_request	 req;
	struct sync_reply	 sr;
	struct poll		*p;

	if (poll_global_init(cause) != 0)
		return (-1);
	memset(&sr, 0, sizeof sr);
	sr.out = out;
	buf_reset(out);
	memset(&req, 0, sizeof req);
	req.url = url;
	req.body = body;
	req.body_len = len;
	req.content_type = content_type;
	p = poll_create(c->poll, sync_post_done, &sr);
	poll_add(p, &req);
	poll_run(p);
	poll_free(p);
	poll_global_cleanup();
	c->counts->requests++;
	c->counts->server_seconds += sr.seconds;
	if (sr.error != NULL) {
		*cause = sr.error;
		return (-1);
	}
	return (0);
}

void
sync_feeds_free(struct sync_feed *f, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		free(f[i].url);
		free(f[i].title);
		free(f[i].category);
	}
	free(f);
}

void
sync_labels_free(struct sync_label *l, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++)
		free(l[i].caption);
	free(l);
}

void
sync_articles_free(struct sync_article *a, size_t n)
{
	size_t	 i;

	for (i = 0; i < n; i++) {
		free(a[i].guid);
		free(a[i].guid_hash);
		free(a[i].url);
		free(a[i].title);
		free(a[i].author);
		free(a[i].html);
	}
	free(a);
}
