/* pdf_session.c: session-<STAGE>/{agenda,trainer,handout}.pdf (docs/outputs.md, "PDF"). */
#include "helpcard.h"

/* Not written yet (issue 12, priority 4): the session packs are HTML only. */
int pdf_sessions(pdf_state *st, const sf_output *o)
{
	(void)st;
	(void)o;
	return 0;
}
