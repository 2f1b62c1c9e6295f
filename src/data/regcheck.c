/* regcheck.c - the checks of a register entry (register.h): real dates,
 * outcomes that fit them, and nothing that looks like a CPR number, however
 * it is written. */
#include "ankekort/data/register.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "ankekort/base/i18n.h"
#include "ankekort/base/sbuf.h"
#include "ankekort/base/xalloc.h"

long register_day(const char *s)
{
	int y, m, d;
	char tail;
	if (strlen(s) != 10 || sscanf(s, "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3 || s[4] != '-' ||
	    s[7] != '-' || y < 1990 || y > 2999 || m < 1 || m > 12 || d < 1 || d > 31)
		return -1;
	struct tm tm = {.tm_year = y - 1900, .tm_mon = m - 1, .tm_mday = d, .tm_hour = 12};
	time_t t = timegm(&tm);
	struct tm back;
	gmtime_r(&t, &back);
	if (back.tm_mday != d || back.tm_mon != m - 1)
		return -1; /* 2023-02-30 */
	return (long)(t / 86400);
}

bool register_valid_date(const char *s)
{
	return register_day(s) >= 0;
}

static bool cpr_date(const char *p)
{
	int d = (p[0] - '0') * 10 + (p[1] - '0'), m = (p[2] - '0') * 10 + (p[3] - '0');
	return d >= 1 && d <= 31 && m >= 1 && m <= 12;
}

/* s with what can stand for a digit or a separator in a typed number made
 * ASCII: full-width digits, every dash and minus, the spaces that do not
 * break, full-width points. Caller frees. */
static char *cpr_folded(const char *s)
{
	struct sbuf b = {0};
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
		unsigned c = *p;
		int n = 1;
		if (c >= 0xE0 && c < 0xF0 && p[1] && p[2]) {
			c = ((c & 0x0F) << 12) | ((p[1] & 0x3Fu) << 6) | (p[2] & 0x3Fu);
			n = 3;
		} else if (c >= 0xC0 && c < 0xE0 && p[1]) {
			c = ((c & 0x1F) << 6) | (p[1] & 0x3Fu);
			n = 2;
		}
		if (n == 1)
			sbuf_putc(&b, (char)c);
		else if (c >= 0xFF10 && c <= 0xFF19)
			sbuf_putc(&b, (char)('0' + (c - 0xFF10)));
		else if ((c >= 0x2010 && c <= 0x2015) || c == 0x2212 || c == 0xFF0D || c == 0xFE63)
			sbuf_putc(&b, '-');
		else if (c == 0xA0 || c == 0x2007 || c == 0x2009 || c == 0x202F || c == 0x3000)
			sbuf_putc(&b, ' ');
		else if (c == 0xFF0E || c == 0x2024)
			sbuf_putc(&b, '.');
		else
			sbuf_putc(&b, '#'); /* any other character: no digit, no separator */
		p += n;
	}
	return sbuf_take(&b);
}

static bool cpr_sep(char c)
{
	return c == ' ' || c == '.' || c == '-' || c == '/' || c == '_';
}

/* n digits at *p, after at most three separators when seps; advances. */
static bool cpr_digits(const char **p, int n, bool seps, char *out)
{
	const char *q = *p;
	for (int k = 0; seps && k < 3 && cpr_sep(*q); k++)
		q++;
	for (int i = 0; i < n; i++, q++) {
		if (!isdigit((unsigned char)*q))
			return false;
		out[i] = *q;
	}
	*p = q;
	return true;
}

/* ddmmyy-xxxx at p: the day, month and year each in two digits and the
 * four after them, with separators or none between the groups, and no
 * digit right after. */
static bool cpr_at(const char *p)
{
	char d[10];
	return cpr_digits(&p, 2, false, d) && cpr_digits(&p, 2, true, d + 2) &&
	       cpr_digits(&p, 2, true, d + 4) && cpr_digits(&p, 4, true, d + 6) &&
	       !isdigit((unsigned char)*p) && cpr_date(d);
}

bool register_looks_like_cpr(const char *s)
{
	char *f = cpr_folded(s);
	bool found = false;
	for (size_t i = 0; f[i] && !found; i++)
		found = isdigit((unsigned char)f[i]) &&
			(i == 0 || !isdigit((unsigned char)f[i - 1])) && cpr_at(f + i);
	free(f);
	return found;
}

bool register_check(const struct reg_entry *e, const struct ak_dataset *ds, char **why)
{
	*why = NULL;
	const struct ak_municipality *m = dataset_muni(ds, e->code);
	long rem = register_day(e->remanded), dec = e->decided[0] ? register_day(e->decided) : 0;
	if (!m || e->code == AK_NATIONAL_CODE)
		*why = xasprintf(_("code %d is not a municipality"), e->code);
	else if (e->year < 1990 || e->year > 2999)
		*why = xasprintf(_("year %d: expected the year of Ankestyrelsen's decision"),
				 e->year);
	else if (rem < 0)
		*why = xasprintf(_("remanded: expected a date such as 2024-03-15, found \"%s\""),
				 e->remanded);
	else if (dec < 0)
		*why = xasprintf(_("decided: expected a date such as 2024-06-01, found \"%s\""),
				 e->decided);
	else if (e->decided[0] && dec < rem)
		*why = xstrdup(_("decided: the new decision comes before the remand"));
	else if (e->outcome == REG_PENDING && e->decided[0])
		*why = xstrdup(
			_("outcome: a case with a new decision is not pending; give its outcome"));
	else if ((e->outcome == REG_FAVOUR || e->outcome == REG_PARTLY || e->outcome == REG_SAME) &&
		 !e->decided[0])
		*why = xstrdup(_("decided: this outcome needs the date of the new decision"));
	else if (register_looks_like_cpr(e->paragraph) || register_looks_like_cpr(e->note))
		*why = xstrdup(
			_("a field looks like a CPR number: the register holds no names and no CPR "
			  "numbers"));
	return *why == NULL;
}
