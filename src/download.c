/*
 * Downloading enclosures: one job per enclosure, its file opened as
 * NAME.part and handed to the poller (which asks with Range for what
 * is missing), renamed to NAME once whole and recorded in the archive.
 */
#include "config.h"

#include <sys/stat.h>
#include <sys/types.h>

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "download.h"

#define DOWNLOAD_NAME_MAX	120	/* bytes of a file name we make */

/* One enclosure to fetch. */
struct download_job {
	int64_t		 item_id;
	char		*url;
	char		*path;		/* the whole file's name */
	char		*part;		/* path.part */
	int		 fd;
	int64_t		 resume;
	int		 named;		/* chosen by an earlier download */
};

struct download {
	struct store		*store;
	const char		*dir;
	const struct download_cbs *cbs;
	void			*arg;
	struct download_counts	*counts;
	struct download_job	*jobs;
	size_t			 njobs;
	int			 store_failed;
};

char *
download_dir(const struct conf *cf, const char *dir, char **cause)
{
	const char	*home;

	if (dir != NULL)
		return (xstrdup(dir));
	if ((dir = conf_string(cf, "download-dir")) != NULL)
		return (util_home_path(dir));
	if ((home = getenv("HOME")) == NULL || *home == '\0') {
		*cause = xstrdup("no folder for downloads: give -o DIR or set "
		    "download-dir in the config");
		return (NULL);
	}
	return (xasprintf("%s/Downloads", home));
}

static int
download_hex(int c)
{
	if (c >= '0' && c <= '9')
		return (c - '0');
	if (c >= 'a' && c <= 'f')
		return (c - 'a' + 10);
	if (c >= 'A' && c <= 'F')
		return (c - 'A' + 10);
	return (-1);
}

/* The last path segment of url, percent-decoded (a new string). */
static char *
download_segment(const char *url)
{
	const char	*start, *end, *p;
	struct buf	 b;
	int		 hi, lo;

	if ((start = strstr(url, "://")) != NULL)
		start += 3;
	else
		start = url;
	end = start + strcspn(start, "?#");
	for (p = start; p < end; p++) {
		if (*p == '/')
			start = p + 1;
	}
	buf_init(&b, 0);
	for (p = start; p < end; p++) {
		if (*p == '%' && p + 2 < end &&
		    (hi = download_hex(p[1])) >= 0 &&
		    (lo = download_hex(p[2])) >= 0) {
			if (hi * 16 + lo != 0)
				buf_addc(&b, (char)(hi * 16 + lo));
			p += 2;
		} else
			buf_addc(&b, *p);
	}
	return (buf_steal(&b));
}

char *
download_name(const char *url, int64_t item_id)
{
	char	*raw, *safe, *p, *q;

	raw = download_segment(url);
	safe = util_utf8_sanitize(raw, strlen(raw));
	free(raw);
	for (p = q = safe; *p != '\0'; p++) {
		if ((unsigned char)*p < 0x20 || *p == 0x7f || *p == '/' ||
		    *p == '\\')
			continue;
		*q++ = *p;
	}
	*q = '\0';
	for (p = safe; *p == '.' || *p == ' ' || *p == '-'; p++)
		;
	if (*p == '\0' || strlen(p) > DOWNLOAD_NAME_MAX) {
		free(safe);
		return (xasprintf("enclosure-%lld", (long long)item_id));
	}
	memmove(safe, p, strlen(p) + 1);
	return (safe);
}

static int
download_exists(const char *path)
{
	struct stat	 sb;

	return (lstat(path, &sb) == 0);
}

/* dir/name, or dir/stem-N.ext when that file (or its .part) is there. */
static char *
download_free_path(const char *dir, const char *name)
{
	const char	*dot;
	char		*path, *part;
	int		 n, taken;

	dot = strrchr(name, '.');
	if (dot == name)
		dot = NULL;
	for (n = 0;; n++) {
		path = n == 0 ? xasprintf("%s/%s", dir, name) :
		    xasprintf("%s/%.*s-%d%s", dir, (int)(dot != NULL ?
		    (size_t)(dot - name) : strlen(name)), name, n,
		    dot != NULL ? dot : "");
		part = xasprintf("%s.part", path);
		taken = download_exists(path) || download_exists(part);
		free(part);
		if (!taken)
			return (path);
		free(path);
	}
}

static void
download_fail(struct download *dl, const struct download_job *j,
    const char *why, const char *hint)
{
	struct download_failure	 f;
	char			*url;

	dl->counts->failed++;
	if (dl->cbs == NULL || dl->cbs->failed == NULL)
		return;
	url = util_display_safe(j->url);
	f.item_id = j->item_id;
	f.url = url;
	f.error = why;
	f.hint = hint;
	dl->cbs->failed(&f, dl->arg);
	free(url);
}

static void
download_progress(struct download *dl)
{
	if (dl->cbs != NULL && dl->cbs->progress != NULL)
		dl->cbs->progress(dl->counts, dl->arg);
}

/* Record a job in the archive: done or not yet. */
static int
download_record(struct download *dl, const struct download_job *j,
    int64_t size, int done)
{
	struct store_download	 d;

	d.item_id = j->item_id;
	d.url = j->url;
	d.path = j->path;
	d.size = size;
	d.done = done;
	if (store_download_put(dl->store, &d) != 0) {
		dl->store_failed = 1;
		return (-1);
	}
	return (0);
}

/*
 * The file name a Content-Disposition header gives (filename="x.mp3"),
 * or NULL; the filename*= form is left to the URL's name.
 */
static char *
download_disposition(const char *value)
{
	const char	*s, *end;
	char		*name, *url;

	if (value == NULL || (s = util_strcasestr(value, "filename=")) == NULL)
		return (NULL);
	s += 9;
	if (*s == '"')
		end = strchr(++s, '"');
	else
		end = s + strcspn(s, "; \t");
	if (end == NULL || end == s)
		return (NULL);
	/* Made safe as a URL's last segment is. */
	url = xasprintf("/%.*s", (int)(end - s), s);
	name = download_name(url, 0);
	free(url);
	if (strncmp(name, "enclosure-", 10) == 0) {
		free(name);
		return (NULL);
	}
	return (name);
}

/*
 * The .part is whole: give it its name, the server's (Content-
 * Disposition) when it named one and no earlier download chose a name.
 */
static int
download_rename(struct download *dl, struct download_job *j,
    const char *disposition)
{
	char		*name, *path;
	const char	*base;

	base = strrchr(j->path, '/') != NULL ? strrchr(j->path, '/') + 1 :
	    j->path;
	if (!j->named && (name = download_disposition(disposition)) != NULL) {
		if (strcmp(name, base) != 0) {
			path = download_free_path(dl->dir, name);
			free(j->path);
			j->path = path;
		}
		free(name);
	}
	return (rename(j->part, j->path));
}

/* A transfer ended: the file made whole, or its .part kept. */
static void
download_done(const struct poll_response *r, void *arg)
{
	struct download		*dl = arg;
	struct download_job	*j = r->req->user;

	dl->counts->done++;
	close(j->fd);
	j->fd = -1;
	if (r->result != POLL_OK) {
		if (j->resume == 0 && r->error_kind == POLL_ERROR_HTTP)
			unlink(j->part);
		download_fail(dl, j, r->error != NULL ? r->error :
		    "the file could not be fetched", r->error_kind ==
		    POLL_ERROR_HTTP ? "the server refused it; check the "
		    "address with telex show" : "what came is kept; run telex "
		    "download again to resume");
	}
	else if (download_rename(dl, j, r->disposition) != 0)
		download_fail(dl, j, strerror(errno), "check the download "
		    "folder");
	else if (download_record(dl, j, r->file_size, 1) != 0)
		download_fail(dl, j, store_errmsg(dl->store), "the archive "
		    "could not be written");
	else {
		dl->counts->fetched++;
		dl->counts->bytes += r->file_size;
		if (j->resume > 0 && r->http_status == 206)
			dl->counts->resumed++;
	}
	download_progress(dl);
}

/*
 * A job for one enclosure: whole already (left alone), or its file and
 * .part chosen (the recorded ones when a download broke) and opened.
 */
static int
download_job_add(struct download *dl, int64_t item_id, const char *url)
{
	struct store_download	 d;
	struct download_job	*j;
	struct stat		 sb;
	char			*name;
	int			 rc;

	if ((rc = store_download_get(dl->store, item_id, url, &d)) < 0)
		return (-1);
	if (rc == 0 && d.done && stat(d.path, &sb) == 0) {
		dl->counts->already++;
		store_download_free(&d);
		return (0);
	}
	dl->jobs = xreallocarray(dl->jobs, dl->njobs + 1, sizeof *dl->jobs);
	j = &dl->jobs[dl->njobs++];
	memset(j, 0, sizeof *j);
	j->item_id = item_id;
	j->url = xstrdup(url);
	if (rc == 0 && !d.done) {
		j->path = xstrdup(d.path);
		j->named = 1;
	}
	else {
		name = download_name(url, item_id);
		j->path = download_free_path(dl->dir, name);
		free(name);
	}
	store_download_free(&d);
	j->part = xasprintf("%s.part", j->path);
	j->fd = open(j->part, O_WRONLY | O_CREAT | O_CLOEXEC, 0644);
	if (j->fd != -1 && fstat(j->fd, &sb) == 0)
		j->resume = (int64_t)sb.st_size;
	dl->counts->total++;
	return (download_record(dl, j, j->resume, 0));
}

/* Collect the jobs of every enclosure of the items f matches. */
static int
download_item(const struct store_item *it, void *arg)
{
	struct download		*dl = arg;
	struct store_item	 full;
	size_t			 i;
	int			 rc = 0;

	if (store_item_get(dl->store, it->id, &full) != 0) {
		dl->store_failed = 1;
		return (1);
	}
	if (full.nenclosures == 0)
		dl->counts->without++;
	for (i = 0; i < full.nenclosures && rc == 0; i++) {
		if (util_starts_nocase(full.enclosures[i].url, "http://") ||
		    util_starts_nocase(full.enclosures[i].url, "https://"))
			rc = download_job_add(dl, it->id,
			    full.enclosures[i].url);
	}
	store_item_free(&full);
	if (rc != 0)
		dl->store_failed = 1;
	return (rc != 0);
}

static void
download_jobs_free(struct download *dl)
{
	size_t	 i;

	for (i = 0; i < dl->njobs; i++) {
		if (dl->jobs[i].fd != -1)
			close(dl->jobs[i].fd);
		free(dl->jobs[i].url);
		free(dl->jobs[i].path);
		free(dl->jobs[i].part);
	}
	free(dl->jobs);
}

/* Hand every job with an open file to the poller and drive it. */
static void
download_fetch(struct download *dl, const struct poll_options *opts,
    const atomic_int *cancel)
{
	struct poll_options	 o = *opts;
	struct poll_request	 req;
	struct poll		*p;
	size_t			 i;

	o.allow_file = 0;
	p = poll_create(&o, download_done, dl);
	for (i = 0; i < dl->njobs; i++) {
		if (dl->jobs[i].fd == -1) {
			dl->counts->done++;
			download_fail(dl, &dl->jobs[i], strerror(errno),
			    "check the download folder");
			continue;
		}
		memset(&req, 0, sizeof req);
		req.feed_id = dl->jobs[i].item_id;
		req.url = dl->jobs[i].url;
		req.user = &dl->jobs[i];
		req.to_file = 1;
		req.out_fd = dl->jobs[i].fd;
		req.resume = dl->jobs[i].resume;
		poll_add(p, &req);
	}
	download_progress(dl);
	while (poll_step(p, 100) > 0 && (cancel == NULL ||
	    !atomic_load(cancel)))
		;
	poll_free(p);
}

int
download_run(struct store *st, const struct store_filter *f, const char *dir,
    const struct poll_options *opts, const struct download_cbs *cbs,
    void *arg, struct download_counts *counts, const atomic_int *cancel)
{
	struct download	 dl;

	memset(counts, 0, sizeof *counts);
	memset(&dl, 0, sizeof dl);
	dl.store = st;
	dl.dir = dir;
	dl.cbs = cbs;
	dl.arg = arg;
	dl.counts = counts;
	if (store_items_list(st, f, download_item, &dl) == 0 &&
	    !dl.store_failed)
		download_fetch(&dl, opts, cancel);
	download_jobs_free(&dl);
	return (dl.store_failed ? -1 : 0);
}

void
download_summary(const struct download_counts *c, struct buf *b)
{
	buf_printf(b, "downloaded %zu file%s: %zu new, %zu already here, "
	    "%zu failed", c->fetched, c->fetched == 1 ? "" : "s",
	    c->fetched - c->resumed, c->already, c->failed);
	if (c->resumed != 0)
		buf_printf(b, ", %zu resumed", c->resumed);
	buf_printf(b, " (%.1f MB)", (double)c->bytes / 1e6);
	if (c->without != 0)
		buf_printf(b, "; %zu item%s without an enclosure", c->without,
		    c->without == 1 ? "" : "s");
}
