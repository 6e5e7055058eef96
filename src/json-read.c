/*
 * Reading JSON into a tree.  The parser is a loop over an explicit stack
 * of open containers, not recursion, so a hostile document cannot run the
 * C stack out; nesting past JSON_READ_DEPTH is refused as a break.  At a
 * break the containers still open are closed where they stand and marked
 * incomplete, and the tree built so far is returned with the cause.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "json-read.h"
#include "util.h"

#define JSON_READ_DEPTH	512

enum jr_state {
	JR_VALUE,		/* a value must come */
	JR_VALUE_OR_END,	/* after '[': a value or ']' */
	JR_KEY,			/* a member's name must come */
	JR_KEY_OR_END,		/* after '{': a name or '}' */
	JR_AFTER		/* after a value: ',' or the close */
};

struct jr {
	const char	*start;
	const char	*p;
	const char	*end;
	char		*cause;
	struct buf	 b;		/* string being decoded */
};

static void
jr_fail(struct jr *jr, const char *what)
{
	const char	*q;
	size_t		 line = 1, col = 1;

	if (jr->cause != NULL)
		return;
	for (q = jr->start; q < jr->p; q++) {
		if (*q == '\n') {
			line++;
			col = 1;
		} else if (((unsigned char)*q & 0xc0) != 0x80)
			col++;
	}
	if (jr->p >= jr->end)
		jr->cause = xasprintf("the document ends too soon (line %zu, "
		    "column %zu): %s", line, col, what);
	else
		jr->cause = xasprintf("line %zu, column %zu: %s", line, col,
		    what);
}

static void
jr_space(struct jr *jr)
{
	while (jr->p < jr->end && (*jr->p == ' ' || *jr->p == '\t' ||
	    *jr->p == '\n' || *jr->p == '\r'))
		jr->p++;
}

static int
jr_hex4(const char *p, uint32_t *out)
{
	uint32_t	 v = 0;
	int		 i;

	for (i = 0; i < 4; i++) {
		v <<= 4;
		if (p[i] >= '0' && p[i] <= '9')
			v |= (uint32_t)(p[i] - '0');
		else if (p[i] >= 'a' && p[i] <= 'f')
			v |= (uint32_t)(p[i] - 'a' + 10);
		else if (p[i] >= 'A' && p[i] <= 'F')
			v |= (uint32_t)(p[i] - 'A' + 10);
		else
			return (-1);
	}
	*out = v;
	return (0);
}

/*
 * A string at jr->p (which is at its opening quote) into jr->b.  Bad UTF-8
 * and NUL become U+FFFD; a bad escape is a break.
 */
static int
jr_string(struct jr *jr)
{
	const unsigned char	*p, *end = (const unsigned char *)jr->end;
	uint32_t		 cp, lo;
	size_t			 n;

	buf_reset(&jr->b);
	p = (const unsigned char *)jr->p + 1;
	for (;;) {
		if (p >= end) {
			jr->p = (const char *)p;
			jr_fail(jr, "a string is not closed");
			return (-1);
		}
		if (*p == '"')
			break;
		if (*p == '\\') {
			if (p + 1 >= end) {
				jr->p = (const char *)p + 1;
				jr_fail(jr, "a string is not closed");
				return (-1);
			}
			switch (p[1]) {
			case '"':
			case '\\':
			case '/':
				buf_addc(&jr->b, (char)p[1]);
				break;
			case 'b':
				buf_addc(&jr->b, '\b');
				break;
			case 'f':
				buf_addc(&jr->b, '\f');
				break;
			case 'n':
				buf_addc(&jr->b, '\n');
				break;
			case 'r':
				buf_addc(&jr->b, '\r');
				break;
			case 't':
				buf_addc(&jr->b, '\t');
				break;
			case 'u':
				if (end - p < 6 ||
				    jr_hex4((const char *)p + 2, &cp) != 0) {
					jr->p = (const char *)p;
					jr_fail(jr, "a \\u escape needs four "
					    "hex digits");
					return (-1);
				}
				p += 4;
				if (cp >= 0xd800 && cp <= 0xdbff && end - p >= 8 &&
				    p[2] == '\\' && p[3] == 'u' &&
				    jr_hex4((const char *)p + 4, &lo) == 0 &&
				    lo >= 0xdc00 && lo <= 0xdfff) {
					cp = 0x10000 + ((cp - 0xd800) << 10) +
					    (lo - 0xdc00);
					p += 6;
				} else if (cp >= 0xd800 && cp <= 0xdfff)
					cp = 0xfffd;
				if (cp == 0)
					cp = 0xfffd;
				buf_add_cp(&jr->b, cp);
				break;
			default:
				jr->p = (const char *)p;
				jr_fail(jr, "a string has an unknown escape");
				return (-1);
			}
			p += 2;
			continue;
		}
		if (*p < 0x80) {
			if (*p == '\0')
				buf_add_cp(&jr->b, 0xfffd);
			else
				buf_addc(&jr->b, (char)*p);
			p++;
			continue;
		}
		if ((n = util_utf8_seq(p, (size_t)(end - p), &cp)) == 0) {
			buf_add_cp(&jr->b, 0xfffd);
			p++;
		} else {
			buf_add(&jr->b, p, n);
			p += n;
		}
	}
	jr->p = (const char *)p + 1;
	return (0);
}

/* A number at jr->p into v; a malformed one is a break. */
static int
jr_number(struct jr *jr, struct jv *v)
{
	const char	*p = jr->p, *end = jr->end;
	double		 m = 0, scale;
	int64_t		 i = 0;
	int		 neg = 0, eneg = 0, digits = 0, exact = 1, e = 0, frac = 0;

	if (p < end && *p == '-') {
		neg = 1;
		p++;
	}
	while (p < end && *p >= '0' && *p <= '9') {
		m = m * 10 + (*p - '0');
		if (i > INT64_MAX / 10 ||
		    (i == INT64_MAX / 10 && *p - '0' > INT64_MAX % 10))
			exact = 0;
		else
			i = i * 10 + (*p - '0');
		digits++;
		p++;
	}
	if (digits == 0) {
		jr->p = p;
		jr_fail(jr, "a number has no digits");
		return (-1);
	}
	if (p < end && *p == '.') {
		p++;
		scale = 0.1;
		digits = 0;
		while (p < end && *p >= '0' && *p <= '9') {
			m += (*p - '0') * scale;
			scale /= 10;
			digits++;
			p++;
		}
		if (digits == 0) {
			jr->p = p;
			jr_fail(jr, "a number has no digits after its point");
			return (-1);
		}
		frac = 1;
	}
	if (p < end && (*p == 'e' || *p == 'E')) {
		p++;
		if (p < end && (*p == '+' || *p == '-'))
			eneg = *p++ == '-';
		digits = 0;
		while (p < end && *p >= '0' && *p <= '9') {
			if (e < 10000)
				e = e * 10 + (*p - '0');
			digits++;
			p++;
		}
		if (digits == 0) {
			jr->p = p;
			jr_fail(jr, "a number has no digits in its exponent");
			return (-1);
		}
		while (e-- > 0 && m != 0 && m < 1e308)
			m = eneg ? m / 10 : m * 10;
		frac = 1;
	}
	v->type = JV_NUMBER;
	if (!frac && exact) {
		v->i = neg ? -i : i;
		v->n = (double)v->i;
		jr->p = p;
		return (0);
	}
	v->n = neg ? -m : m;
	if (v->n >= 9.2e18)
		v->i = INT64_MAX;
	else if (v->n <= -9.2e18)
		v->i = INT64_MIN;
	else
		v->i = (int64_t)v->n;
	jr->p = p;
	return (0);
}

static int
jr_word(struct jr *jr, const char *word)
{
	size_t	 n = strlen(word);

	if ((size_t)(jr->end - jr->p) < n || memcmp(jr->p, word, n) != 0)
		return (0);
	jr->p += n;
	return (1);
}

/* A scalar value at jr->p: NULL at a break. */
static struct jv *
jr_scalar(struct jr *jr)
{
	struct jv	*v;

	v = xcalloc(1, sizeof *v);
	switch (*jr->p) {
	case '"':
		if (jr_string(jr) != 0)
			goto fail;
		v->type = JV_STRING;
		v->len = jr->b.len;
		v->s = xstrndup(jr->b.data, jr->b.len);
		return (v);
	case 't':
	case 'f':
		v->type = JV_BOOL;
		v->b = *jr->p == 't';
		if (jr_word(jr, v->b ? "true" : "false"))
			return (v);
		break;
	case 'n':
		v->type = JV_NULL;
		if (jr_word(jr, "null"))
			return (v);
		break;
	case '-':
	case '0': case '1': case '2': case '3': case '4':
	case '5': case '6': case '7': case '8': case '9':
		if (jr_number(jr, v) != 0)
			goto fail;
		return (v);
	}
	jr_fail(jr, "a value must come here (a string, number, object, "
	    "array, true, false or null)");
fail:
	free(v);
	return (NULL);
}

static void
jr_attach(struct jv *top, char **key, struct jv *v)
{
	top->v = xreallocarray(top->v, top->len + 1, sizeof *top->v);
	if (top->type == JV_OBJECT) {
		top->keys = xreallocarray(top->keys, top->len + 1,
		    sizeof *top->keys);
		top->keys[top->len] = *key;
		*key = NULL;
	}
	top->v[top->len++] = v;
}

struct jv *
jv_parse(const char *data, size_t len, char **cause)
{
	struct jr	 jr;
	struct jv	*root = NULL, *v, *top;
	struct jv	*stack[JSON_READ_DEPTH];
	size_t		 depth = 0, i;
	enum jr_state	 state = JR_VALUE;
	char		*key = NULL;

	memset(&jr, 0, sizeof jr);
	jr.start = jr.p = data;
	jr.end = data + len;
	buf_init(&jr.b, 0);
	if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0)
		jr.p += 3;

	for (;;) {
		jr_space(&jr);
		top = depth > 0 ? stack[depth - 1] : NULL;
		if (state == JR_AFTER && top == NULL) {
			if (jr.p < jr.end)
				jr_fail(&jr, "there is more after the end of "
				    "the document");
			break;
		}
		if (jr.p >= jr.end) {
			jr_fail(&jr, depth > 0 ? "an object or array is not "
			    "closed" : "the document is empty");
			break;
		}
		switch (state) {
		case JR_VALUE_OR_END:
			if (*jr.p == ']') {
				jr.p++;
				depth--;
				state = JR_AFTER;
				continue;
			}
			/* FALLTHROUGH */
		case JR_VALUE:
			if (*jr.p == '{' || *jr.p == '[') {
				if (depth == JSON_READ_DEPTH) {
					jr_fail(&jr, "objects and arrays are "
					    "nested too deeply");
					break;
				}
				v = xcalloc(1, sizeof *v);
				v->type = *jr.p == '{' ? JV_OBJECT : JV_ARRAY;
				jr.p++;
				state = v->type == JV_OBJECT ? JR_KEY_OR_END :
				    JR_VALUE_OR_END;
			} else {
				if ((v = jr_scalar(&jr)) == NULL)
					break;
				state = JR_AFTER;
			}
			if (top == NULL)
				root = v;
			else
				jr_attach(top, &key, v);
			if (v->type == JV_OBJECT || v->type == JV_ARRAY)
				stack[depth++] = v;
			continue;
		case JR_KEY_OR_END:
			if (*jr.p == '}') {
				jr.p++;
				depth--;
				state = JR_AFTER;
				continue;
			}
			/* FALLTHROUGH */
		case JR_KEY:
			if (*jr.p != '"') {
				jr_fail(&jr, "a member's name in quotes must "
				    "come here");
				break;
			}
			if (jr_string(&jr) != 0)
				break;
			jr_space(&jr);
			if (jr.p >= jr.end || *jr.p != ':') {
				jr_fail(&jr, "a ':' must follow a member's "
				    "name");
				break;
			}
			jr.p++;
			key = xstrndup(jr.b.data, jr.b.len);
			state = JR_VALUE;
			continue;
		case JR_AFTER:
			if (*jr.p == ',') {
				jr.p++;
				state = top->type == JV_OBJECT ? JR_KEY :
				    JR_VALUE;
				continue;
			}
			if (*jr.p == (top->type == JV_OBJECT ? '}' : ']')) {
				jr.p++;
				depth--;
				continue;
			}
			jr_fail(&jr, top->type == JV_OBJECT ? "a ',' or '}' "
			    "must come after a member" : "a ',' or ']' must "
			    "come after a value");
			break;
		}
		break;
	}
	for (i = 0; i < depth; i++)
		stack[i]->incomplete = 1;
	free(key);
	buf_free(&jr.b);
	if (cause != NULL)
		*cause = jr.cause;
	else
		free(jr.cause);
	return (root);
}

void
jv_free(struct jv *v)
{
	size_t	 i;

	if (v == NULL)
		return;
	for (i = 0; i < v->len && v->v != NULL; i++) {
		jv_free(v->v[i]);
		if (v->keys != NULL)
			free(v->keys[i]);
	}
	free(v->v);
	free(v->keys);
	free(v->s);
	free(v);
}

const struct jv *
jv_get(const struct jv *obj, const char *key)
{
	size_t	 i;

	if (obj == NULL || obj->type != JV_OBJECT)
		return (NULL);
	for (i = 0; i < obj->len; i++) {
		if (strcmp(obj->keys[i], key) == 0)
			return (obj->v[i]);
	}
	return (NULL);
}

const struct jv *
jv_at(const struct jv *arr, size_t i)
{
	if (arr == NULL || arr->type != JV_ARRAY || i >= arr->len)
		return (NULL);
	return (arr->v[i]);
}

size_t
jv_count(const struct jv *v)
{
	if (v == NULL || (v->type != JV_ARRAY && v->type != JV_OBJECT))
		return (0);
	return (v->len);
}

const char *
jv_str(const struct jv *v)
{
	if (v == NULL || v->type != JV_STRING)
		return (NULL);
	return (v->s);
}

const char *
jv_get_str(const struct jv *obj, const char *key)
{
	return (jv_str(jv_get(obj, key)));
}

int64_t
jv_int(const struct jv *v, int64_t fallback)
{
	const char	*p;
	int64_t		 n = 0;
	int		 neg = 0;

	if (v == NULL)
		return (fallback);
	if (v->type == JV_NUMBER)
		return (v->i);
	if (v->type != JV_STRING)
		return (fallback);
	p = v->s;
	if (*p == '-') {
		neg = 1;
		p++;
	}
	if (*p == '\0')
		return (fallback);
	for (; *p != '\0'; p++) {
		if (*p < '0' || *p > '9' || n > (INT64_MAX - 9) / 10)
			return (fallback);
		n = n * 10 + (*p - '0');
	}
	return (neg ? -n : n);
}

int
jv_bool(const struct jv *v, int fallback)
{
	if (v == NULL)
		return (fallback);
	switch (v->type) {
	case JV_BOOL:
		return (v->b);
	case JV_NUMBER:
		if (v->n == 0 || v->n == 1)
			return (v->n == 1);
		break;
	case JV_STRING:
		if (strcmp(v->s, "true") == 0)
			return (1);
		if (strcmp(v->s, "false") == 0)
			return (0);
		break;
	default:
		break;
	}
	return (fallback);
}
