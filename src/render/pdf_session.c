/* pdf_session.c: session-<STAGE>/{agenda,trainer,handout}.pdf (docs/outputs.md, "PDF"). */
#include "helpcard.h"

int pdf_sessions(pdf_state *st, const sf_output *o)
{
	(void)st;
	(void)o;
	return 0;
}
