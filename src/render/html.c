/* html.c: escaping, the shared print stylesheet, and Markdown bodies as safe HTML. */
#include <cmark.h>
#include <string.h>
#include <strings.h>

#include "html.h"
#include "safar/date.h"
#include "safar/nelem.h"

void h_escn(sf_buf *b, const char *s, size_t n)
{
	size_t done = 0;
	for (size_t i = 0; i < n; i++) {
		const char *rep = NULL;
		switch (s[i]) {
		case '&': rep = "&amp;"; break;
		case '<': rep = "&lt;"; break;
		case '>': rep = "&gt;"; break;
		case '"': rep = "&quot;"; break;
		default: continue;
		}
		sf_buf_add(b, s + done, i - done);
		sf_buf_puts(b, rep);
		done = i + 1;
	}
	sf_buf_add(b, s + done, n - done);
}

void h_esc(sf_buf *b, const char *s)
{
	h_escn(b, s, strlen(s));
}

void h_text(sf_buf *b, const char *s, const sf_resolved *res)
{
	sf_buf t = { 0 };
	sf_subst(&t, s, strlen(s), res);
	h_escn(b, t.data ? t.data : "", t.len);
	sf_buf_free(&t);
}

int h_safe_url(const char *url)
{
	if (url[0] == '#' && url[1])
		return 1; /* within the document; check reports dead ones */
	static const char *const ok[] = { "http://", "https://", "mailto:", "tel:" };
	for (size_t i = 0; i < SF_NELEM(ok); i++)
		if (strncasecmp(url, ok[i], strlen(ok[i])) == 0)
			return 1;
	return 0;
}

static int tight(cmark_node *para)
{
	cmark_node *item = cmark_node_parent(para);
	cmark_node *list = item ? cmark_node_parent(item) : NULL;
	return list && cmark_node_get_type(list) == CMARK_NODE_LIST && cmark_node_get_list_tight(list);
}

void h_markdown(sf_buf *b, cmark_node *doc, const sf_resolved *res, int shift)
{
	if (!doc)
		return;
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		int in = ev == CMARK_EVENT_ENTER;
		const char *lit = cmark_node_get_literal(n);
		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_BLOCK_QUOTE:
			sf_buf_puts(b, in ? "<blockquote>\n" : "</blockquote>\n");
			break;
		case CMARK_NODE_LIST: {
			int ordered = cmark_node_get_list_type(n) == CMARK_ORDERED_LIST;
			if (!in)
				sf_buf_puts(b, ordered ? "</ol>\n" : "</ul>\n");
			else if (ordered && cmark_node_get_list_start(n) != 1)
				sf_buf_printf(b, "<ol start=\"%d\">\n", cmark_node_get_list_start(n));
			else
				sf_buf_puts(b, ordered ? "<ol>\n" : "<ul>\n");
			break;
		}
		case CMARK_NODE_ITEM:
			sf_buf_puts(b, in ? "<li>" : "</li>\n");
			break;
		case CMARK_NODE_CODE_BLOCK:
			sf_buf_puts(b, "<pre><code>");
			h_esc(b, lit ? lit : "");
			sf_buf_puts(b, "</code></pre>\n");
			break;
		case CMARK_NODE_PARAGRAPH:
			if (!tight(n))
				sf_buf_puts(b, in ? "<p>" : "</p>\n");
			break;
		case CMARK_NODE_HEADING: {
			int level = cmark_node_get_heading_level(n) + shift;
			level = level > 6 ? 6 : level;
			sf_buf_printf(b, in ? "<h%d>" : "</h%d>\n", level);
			break;
		}
		case CMARK_NODE_THEMATIC_BREAK:
			sf_buf_puts(b, "<hr>\n");
			break;
		case CMARK_NODE_TEXT:
			h_text(b, lit ? lit : "", res);
			break;
		case CMARK_NODE_SOFTBREAK:
			sf_buf_putc(b, '\n');
			break;
		case CMARK_NODE_LINEBREAK:
			sf_buf_puts(b, "<br>\n");
			break;
		case CMARK_NODE_CODE:
			sf_buf_puts(b, "<code>");
			h_esc(b, lit ? lit : "");
			sf_buf_puts(b, "</code>");
			break;
		case CMARK_NODE_EMPH:
			sf_buf_puts(b, in ? "<em>" : "</em>");
			break;
		case CMARK_NODE_STRONG:
			sf_buf_puts(b, in ? "<strong>" : "</strong>");
			break;
		case CMARK_NODE_LINK: {
			/* Only links a reader can follow safely; others keep their text. */
			const char *url = cmark_node_get_url(n);
			if (!url || !h_safe_url(url))
				break;
			if (in) {
				sf_buf_puts(b, "<a href=\"");
				h_esc(b, url);
				sf_buf_puts(b, "\">");
			} else {
				sf_buf_puts(b, "</a>");
			}
			break;
		}
		default:
			/* Raw HTML is dropped; an image shows its alt text (its children)
			 * because a handbook loads nothing from the network. */
			break;
		}
	}
	cmark_iter_free(it);
}

/* Legible at 200% and in black and white: relative units, no colour carries
 * meaning, borders instead of backgrounds. */
static const char css[] =
	"*{box-sizing:border-box}\n"
	"html{font-family:\"DejaVu Sans\",\"Noto Sans\",Arial,sans-serif;font-size:12pt;line-height:1.45;color:#000;background:#fff}\n"
	"body{margin:0 auto;max-width:42em;padding:1em}\n"
	"h1{font-size:1.7em;line-height:1.2;margin:0 0 .4em}\n"
	"h2{font-size:1.35em;margin:1.2em 0 .3em;border-bottom:2px solid #000}\n"
	"h3{font-size:1.15em;margin:1em 0 .3em}\n"
	"h4,h5,h6{font-size:1em;margin:.8em 0 .2em}\n"
	"a{color:#000}\n"
	"ul,ol{padding-left:1.4em}\n"
	"table{border-collapse:collapse;width:100%}\n"
	"th,td{border:1px solid #000;padding:.25em .4em;text-align:left;vertical-align:top}\n"
	".cover{text-align:center;padding-top:3em;break-after:page}\n"
	".cover .edition{font-size:1.1em;margin:1em 0}\n"
	".purpose{font-style:italic;margin:.2em 0 1em}\n"
	".stage{break-before:page}\n"
	".module{break-inside:auto;margin-bottom:1.2em}\n"
	".summary{border:2px solid #000;padding:.2em 1em .6em;margin:1em 0;break-after:page}\n"
	".summary li{margin:.3em 0}\n"
	".sources,.sources ul{list-style:none;padding-left:0}\n"
	".sources ul{padding-left:1.4em}\n"
	".sources li{margin:.2em 0}\n"
	".src{font-size:.8em;vertical-align:super}\n"
	".check{list-style:none;padding-left:0}\n"
	".check li{padding-left:1.6em;text-indent:-1.6em;margin:.25em 0;break-inside:avoid}\n"
	".box{display:inline-block;width:1em;height:1em;border:1.5px solid #000;margin-right:.6em;vertical-align:-.15em;text-indent:0}\n"
	".contact{margin:.6em 0;break-inside:avoid;display:flex;gap:.8em;align-items:flex-start}\n"
	".contact .qr{flex:none}\n"
	".meta{font-size:.85em}\n"
	".notice{border-left:3px solid #000;padding-left:.6em;font-style:italic}\n"
	"nav ol{padding-left:1.2em}\n"
	"@media print{body{max-width:none;padding:0}a{text-decoration:none}}\n";

void h_begin(sf_buf *b, const char *lang, const char *title, const sf_build_opts *opts)
{
	sf_buf_puts(b, "<!DOCTYPE html>\n<html lang=\"");
	h_esc(b, lang);
	sf_buf_puts(b, "\">\n<head>\n<meta charset=\"utf-8\">\n"
		       "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>");
	h_esc(b, title);
	sf_buf_printf(b, "</title>\n<style>\n@page{size:%s;margin:14mm 12mm}\n%s</style>\n</head>\n<body>\n",
		      opts && opts->paper_a4 ? "A4" : "A5", css);
}

void h_end(sf_buf *b)
{
	sf_buf_puts(b, "</body>\n</html>\n");
}

const char *h_language_name(const char *lang)
{
	static const char *const names[][2] = {
		{ "en", "English" }, { "ru", "Русский" }, { "ky", "Кыргызча" },
		{ "uz", "Oʻzbekcha" }, { "tg", "Тоҷикӣ" }, { "kk", "Қазақша" },
	};
	for (size_t i = 0; i < SF_NELEM(names); i++)
		if (strcmp(names[i][0], lang) == 0)
			return names[i][1];
	return lang;
}

/* A value written once or per language, in the edition's language chain;
 * else its first language; else dflt. */
static const char *h_lang_text(const sf_output *o, const sf_text *t, const char *dflt)
{
	if (t->plain)
		return t->plain;
	for (size_t c = 0; c < o->res->nchain; c++)
		for (size_t i = 0; i < t->n; i++)
			if (strcmp(t->lang[i], o->res->chain[c]) == 0)
				return t->val[i];
	return t->n ? t->val[0] : dflt;
}

const char *h_corridor_title(const sf_output *o)
{
	return h_lang_text(o, &o->res->target.corridor->title, o->res->target.corridor->id);
}

const char *h_contact_name(const sf_output *o, const sf_contact *c)
{
	return h_lang_text(o, &c->name_text, c->name ? c->name : "");
}

void h_edition(sf_buf *b, const sf_output *o)
{
	const sf_target *t = &o->res->target;
	if (t->sector) {
		const char *name = sf_i18n_sector(o->root, o->res->chain, o->res->nchain, t->sector);
		h_esc(b, o->str[SF_S_sector]);
		sf_buf_puts(b, ": ");
		h_esc(b, name ? name : t->sector);
	} else {
		h_esc(b, o->str[SF_S_all_sectors]);
	}
	sf_buf_puts(b, " · ");
	h_esc(b, o->str[SF_S_audience]);
	sf_buf_puts(b, ": ");
	if (strcmp(t->audience, "general") == 0)
		h_esc(b, o->str[SF_S_audience_general]);
	else if (strcmp(t->audience, "women") == 0)
		h_esc(b, o->str[SF_S_audience_women]);
	else if (strcmp(t->audience, "men") == 0)
		h_esc(b, o->str[SF_S_audience_men]);
	else
		h_esc(b, t->audience);
	sf_buf_puts(b, " · ");
	h_esc(b, h_language_name(t->lang));
}

const char *h_with_language(const sf_output *o, const char *s)
{
	const char *at = strstr(s, "{language}");
	if (!at)
		return s;
	return sf_printf(o->a, "%.*s%s%s", (int)(at - s), s, h_language_name(o->res->target.lang),
			 at + strlen("{language}"));
}

const char *h_checked_line(const sf_output *o)
{
	const sf_edition *e = o->ed;
	if (!e->checked_first)
		return o->str[SF_S_not_checked];
	char first[11], last[11];
	sf_date_str(e->checked_first, first);
	sf_date_str(e->checked_last, last);
	if (e->checked_first == e->checked_last)
		return sf_printf(o->a, "%s: %s", o->str[SF_S_checked], first);
	return sf_printf(o->a, "%s: %s – %s", o->str[SF_S_checked], first, last);
}
