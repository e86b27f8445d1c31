/* session_workbook.c: session-<STAGE>/tracking.xlsx: attendance, checklist progress, pre/post quiz with formulas. */
#include <stdlib.h>
#include <string.h>

#include "session.h"
#include "xlsx.h"

/* Rows for participants in tracking.xlsx: a typical pre-departure group is
 * 15 to 25; a bigger group takes a second copy of the workbook. */
enum { PARTICIPANTS = 25 };

/* "A", "Z", "AA" …: for the formulas, which libxlsxwriter takes as text. */
static const char *col_name(sf_arena *a, lxw_col_t c)
{
	char tmp[8];
	size_t n = 0;
	unsigned v = (unsigned)c + 1;
	while (v && n < sizeof tmp) {
		tmp[n++] = (char)('A' + (v - 1) % 26);
		v = (v - 1) / 26;
	}
	char *out = sf_alloc(a, n + 1);
	for (size_t i = 0; i < n; i++)
		out[i] = tmp[n - 1 - i];
	return out;
}

/* Rows 1..PARTICIPANTS: the number, and the name typed once on the
 * attendance sheet (a blank shows blank, not Excel's 0). The cached result
 * is the blank it is: LibreOffice shows cached results of a workbook that
 * says it comes from Excel, so a cached 0 would be a wrong first sight. */
static void participant_rows(lxw_worksheet *ws, const sf_output *o, const char *attendance,
			     lxw_row_t first)
{
	for (int p = 0; p < PARTICIPANTS; p++) {
		lxw_row_t r = first + (lxw_row_t)p;
		worksheet_write_number(ws, r, 0, p + 1, NULL);
		if (attendance) {
			const char *cell = sf_printf(o->a, "'%s'!$B$%d", attendance, p + 2);
			const char *f = sf_printf(o->a, "=IF(%s=\"\",\"\",%s)", cell, cell);
			worksheet_write_formula_str(ws, r, 1, f, NULL, "");
		}
	}
}

/* Wide sheets (a column per item or question) print across the page. */
static void print_setup(lxw_worksheet *ws, const sf_output *o, lxw_row_t header_rows, int wide)
{
	if (wide)
		worksheet_set_landscape(ws);
	worksheet_set_paper(ws, o->opts->paper_a4 ? 9 : 11);
	worksheet_fit_to_pages(ws, 1, 0);
	worksheet_repeat_rows(ws, 0, header_rows - 1);
}

static const char *attendance_sheet(xbook *x, const sf_output *o)
{
	lxw_worksheet *ws = x_sheet(x->wb, o->str[SF_S_attendance]);
	/* "#": the participant's number, the same on every sheet. */
	x_string(ws, 0, 0, "#", x->header);
	x_string(ws, 0, 1, o->str[SF_S_participant], x->header);
	x_string(ws, 0, 2, o->str[SF_S_present], x->header);
	x_string(ws, 0, 3, o->str[SF_S_notes], x->header);
	participant_rows(ws, o, NULL, 1);
	worksheet_set_column(ws, 0, 0, 5, NULL);
	worksheet_set_column(ws, 1, 1, 30, NULL);
	worksheet_set_column(ws, 2, 2, 12, NULL);
	worksheet_set_column(ws, 3, 3, 40, x->wrap);
	worksheet_freeze_panes(ws, 1, 0);
	x_yesno(x, ws, 1, 2, PARTICIPANTS, 2);
	print_setup(ws, o, 1, 0);
	return ws->name;
}

static void checklist_sheet(xbook *x, const sf_output *o, int s, const char *attendance)
{
	const sf_resolved *res = o->res;
	lxw_worksheet *ws = NULL;
	lxw_col_t c = 2;
	size_t longest = 0;
	for (size_t i = 0; i < res->ntopics; i++) {
		const sf_topic *t = &res->topics[i];
		for (size_t p = 0; t->stage == s && p < t->nparts; p++)
			for (size_t k = 0; k < t->parts[p]->checklist.n; k++) {
				if (!ws)
					ws = x_sheet(x->wb, o->str[SF_S_checklist_progress]);
				sf_buf item = { 0 };
				const char *text = t->parts[p]->checklist.v[k];
				sf_subst(&item, text, strlen(text), res);
				x_string(ws, 0, c++, item.data ? item.data : "", x->header);
				if (item.len > longest)
					longest = item.len;
				sf_buf_free(&item);
			}
	}
	if (!ws) /* nothing to tick at this stage: no sheet */
		return;
	lxw_col_t last = c - 1, count = c;
	x_string(ws, 0, 0, "#", x->header);
	x_string(ws, 0, 1, o->str[SF_S_participant], x->header);
	x_string(ws, 0, count, o->str[SF_S_done], x->header);
	participant_rows(ws, o, attendance, 1);
	const char *first = col_name(o->a, 2), *lastc = col_name(o->a, last);
	/* The ticks equal to the drop-down's yes. Compared, not COUNTIF's
	 * criterion, which would read a yes starting with < > = or holding
	 * * ? ~ as an operator or a wildcard. */
	for (int p = 0; p < PARTICIPANTS; p++) {
		int row = p + 2; /* the spreadsheet's 1-based row */
		const char *f = sf_printf(o->a, "=SUMPRODUCT(--(%s%d:%s%d=" X_YES "))", first, row,
					  lastc, row);
		worksheet_write_formula_num(ws, (lxw_row_t)(p + 1), count, f, x->bold, 0);
	}
	/* Item headers wrap; a row tall enough for the longest (bytes over
	 * 20 a line is generous for Cyrillic, which takes two bytes a letter). */
	lxw_format *head = workbook_add_format(x->wb);
	format_set_bold(head);
	format_set_text_wrap(head);
	format_set_align(head, LXW_ALIGN_VERTICAL_TOP);
	format_set_bottom(head, LXW_BORDER_THIN);
	double lines = (double)(longest / 20 + 1);
	worksheet_set_row(ws, 0, lines > 12 ? 180 : 15 * lines, head);
	worksheet_set_column(ws, 0, 0, 5, NULL);
	worksheet_set_column(ws, 1, 1, 24, NULL);
	worksheet_set_column(ws, 2, last, 18, NULL);
	worksheet_set_column(ws, count, count, 10, NULL);
	worksheet_freeze_panes(ws, 1, 2);
	x_yesno(x, ws, 1, 2, PARTICIPANTS, last);
	print_setup(ws, o, 1, 1);
}

/* The Quiz sheet. Rows: 0 groups (before / after / score), 1 column heads,
 * 2 the key (right option numbers), 3.. participants, then the average gain
 * and a legend of the questions. Columns: #, participant, a "before" column
 * per question, an "after" column per question, the two scores. */
static void quiz_sheet(xbook *x, const sf_output *o, int s, const char *attendance)
{
	const sf_resolved *res = o->res;
	const sf_quiz **qs = NULL;
	size_t nq = 0, cap = 0;
	for (size_t i = 0; i < res->ntopics; i++) {
		const sf_topic *t = &res->topics[i];
		for (size_t p = 0; t->stage == s && p < t->nparts; p++)
			for (size_t k = 0; k < t->parts[p]->nquiz; k++)
				*SF_PUSH(o->a, qs, nq, cap) = &t->parts[p]->quiz[k];
	}
	if (!nq) /* no questions at this stage: no sheet */
		return;
	lxw_worksheet *ws = x_sheet(x->wb, o->str[SF_S_quiz]);
	lxw_col_t pre0 = 2, post0 = (lxw_col_t)(2 + nq), spre = (lxw_col_t)(2 + 2 * nq),
		  spost = spre + 1;
	const lxw_row_t key = 2, first = 3, lastp = first + PARTICIPANTS - 1,
			gain = lastp + 2, legend = gain + 2;

	lxw_format *group = workbook_add_format(x->wb);
	format_set_bold(group);
	format_set_align(group, LXW_ALIGN_CENTER);
	format_set_bottom(group, LXW_BORDER_THIN);
	const struct {
		lxw_col_t from, to;
		int label;
	} groups[] = { { pre0, post0 - 1, SF_S_pre_session },
		       { post0, spre - 1, SF_S_post_session },
		       { spre, spost, SF_S_score } };
	for (size_t g = 0; g < 3; g++) {
		/* Excel refuses a one-cell merge; a merged range shows its first
		 * cell, written after the merge. */
		if (groups[g].from != groups[g].to)
			worksheet_merge_range(ws, 0, groups[g].from, 0, groups[g].to, "", group);
		x_string(ws, 0, groups[g].from, o->str[groups[g].label], group);
	}
	x_string(ws, 1, 0, "#", x->header);
	x_string(ws, 1, 1, o->str[SF_S_participant], x->header);
	x_string(ws, key, 1, o->str[SF_S_answer], x->bold);
	for (size_t q = 0; q < nq; q++) {
		const char *head = sf_printf(o->a, "%s %zu", o->str[SF_S_question], q + 1);
		lxw_data_validation dv = { 0 };
		dv.validate = LXW_VALIDATION_TYPE_INTEGER;
		dv.criteria = LXW_VALIDATION_CRITERIA_BETWEEN;
		dv.minimum_number = 1;
		dv.maximum_number = (double)qs[q]->options.n;
		for (lxw_col_t c = pre0 + (lxw_col_t)q; c < spre; c += (lxw_col_t)nq) {
			x_string(ws, 1, c, head, x->header);
			worksheet_write_number(ws, key, c, qs[q]->answer, x->bold);
			worksheet_data_validation_range(ws, first, c, lastp, c, &dv);
		}
	}
	x_string(ws, 1, spre, o->str[SF_S_pre_session], x->header);
	x_string(ws, 1, spost, o->str[SF_S_post_session], x->header);
	participant_rows(ws, o, attendance, first);

	/* A score counts the answers that match the key row. A participant with
	 * no answer in a block scores blank, not 0: absent is not wrong, and a
	 * blank (text "") is what the averages below skip. */
	const char *keyrow[2], *from[2], *to[2];
	lxw_col_t start[2] = { pre0, post0 };
	for (int k = 0; k < 2; k++) {
		from[k] = col_name(o->a, start[k]);
		to[k] = col_name(o->a, start[k] + (lxw_col_t)nq - 1);
		keyrow[k] = sf_printf(o->a, "%s$%u:%s$%u", from[k], key + 1, to[k], key + 1);
	}
	for (lxw_row_t r = first; r <= lastp; r++)
		for (int k = 0; k < 2; k++) {
			const char *ans = sf_printf(o->a, "%s%u:%s%u", from[k], r + 1, to[k], r + 1);
			const char *f = sf_printf(o->a, "=IF(COUNT(%s)=0,\"\",SUMPRODUCT(--(%s=%s)))",
						  ans, ans, keyrow[k]);
			worksheet_write_formula_str(ws, r, spre + (lxw_col_t)k, f, x->bold, "");
		}
	/* The gain compares like with like: only participants with both a
	 * before and an after score count, so one who left early (or came
	 * late) does not move the average. A criterion ">=0" matches numbers
	 * only, never the "" of a blank score, in Excel and LibreOffice alike:
	 * mean(after - before) over those pairs. Blank until there is a pair. */
	const char *sp = col_name(o->a, spre), *sq = col_name(o->a, spost);
	const char *pre = sf_printf(o->a, "%s%u:%s%u", sp, first + 1, sp, lastp + 1);
	const char *post = sf_printf(o->a, "%s%u:%s%u", sq, first + 1, sq, lastp + 1);
	const char *both = sf_printf(o->a, "%s,\">=0\",%s,\">=0\"", pre, post);
	const char *f = sf_printf(o->a, "=IF(COUNTIFS(%s)=0,\"\",AVERAGEIFS(%s,%s)-AVERAGEIFS(%s,%s))",
				  both, post, both, pre, both);
	lxw_format *num = workbook_add_format(x->wb);
	format_set_bold(num);
	format_set_num_format(num, "0.00");
	x_string(ws, gain, 1, o->str[SF_S_average_gain], x->bold);
	worksheet_write_formula_str(ws, gain, 2, f, num, "");

	/* What "Question 3" and option 2 are, without the trainer's notes at hand. */
	lxw_row_t r = legend;
	for (size_t q = 0; q < nq; q++) {
		sf_buf t = { 0 };
		sf_subst(&t, qs[q]->q, strlen(qs[q]->q), res);
		worksheet_write_number(ws, r, 0, (double)(q + 1), x->bold);
		x_string(ws, r++, 1, t.data ? t.data : "", x->bold);
		for (size_t a = 0; a < qs[q]->options.n; a++) {
			sf_buf_reset(&t);
			sf_buf_printf(&t, "%zu. ", a + 1);
			sf_subst(&t, qs[q]->options.v[a], strlen(qs[q]->options.v[a]), res);
			x_string(ws, r++, 1, t.data, NULL);
		}
		sf_buf_free(&t);
	}
	worksheet_set_column(ws, 0, 0, 5, NULL);
	worksheet_set_column(ws, 1, 1, 30, NULL);
	worksheet_set_column(ws, pre0, spre - 1, 11, NULL);
	worksheet_set_column(ws, spre, spost, 14, NULL);
	worksheet_freeze_panes(ws, first, 2);
	print_setup(ws, o, first, 1);
}

int session_tracking(const sf_output *o, int s)
{
	xbook x;
	if (x_open(&x, o, "tracking.xlsx") != 0)
		return -1;
	const char *attendance = attendance_sheet(&x, o);
	checklist_sheet(&x, o, s, attendance);
	quiz_sheet(&x, o, s, attendance);
	return x_close(&x, o);
}
