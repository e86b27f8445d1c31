/* corridor.c: one corridors/<id>.yaml into an sf_corridor. */
#include <string.h>

#include "loadint.h"
#include "safar/nelem.h"

static const char *const corridor_keys[] = { "id", "origin", "destination", "title",
					     "languages", "sectors", "audiences", "facts",
					     "contacts", "require" };
static const char *const corridor_required[] = { "id", "origin", "destination", "title",
						 "languages" };
static const char *const contact_keys[] = { "name", "side", "url", "phone", "languages",
					    "stages", "kind", "audiences", "checked", "sources" };
static const char *const contact_required[] = { "name", "side" };

/* kind, audiences, checked, sources (DESIGN §1). */
static void load_contact_evidence(lctx *c, const ynode *v, sf_contact *ct)
{
	ct->kind = SF_KIND_NONE;
	const ynode *k = yn_get(v, "kind");
	if (k)
		ct->kind = f_enum(&c->f, k, "kind", sf_kind_names, SF_NKIND);
	const ynode *au = yn_get(v, "audiences");
	if (au)
		ct->audiences = f_strv(&c->f, au, "audiences");
	if (!au || ct->audiences.n == 0) {
		ct->audiences.v = sf_alloc(c->f.a, sizeof *ct->audiences.v);
		ct->audiences.loc = sf_alloc(c->f.a, sizeof *ct->audiences.loc);
		ct->audiences.v[0] = "general";
		ct->audiences.loc[0] = ct->loc;
		ct->audiences.n = 1;
	}
	f_evidence(&c->f, v, &ct->ev);
}

static void load_contact(lctx *c, const ynode *v, sf_contact *ct)
{
	ct->loc = v->loc;
	if (!f_keys(&c->f, v, "a contact", contact_keys, SF_NELEM(contact_keys), contact_required, SF_NELEM(contact_required), v->loc))
		return;
	ct->name_text = f_text(&c->f, yn_get(v, "name"), "name");
	ct->name = ct->name_text.plain;
	for (size_t i = 0; !ct->name && i < ct->name_text.n; i++)
		if (strcmp(ct->name_text.lang[i], "en") == 0)
			ct->name = ct->name_text.val[i];
	if (!ct->name && ct->name_text.n)
		ct->name = ct->name_text.val[0];
	int side = f_enum(&c->f, yn_get(v, "side"), "side", sf_side_names, 2);
	ct->side = side < 0 ? SF_SIDE_ORIGIN : side;
	const ynode *url = yn_get(v, "url"), *phone = yn_get(v, "phone");
	ct->url = f_str_or_null(&c->f, url, "url");
	ct->phone = f_str_or_null(&c->f, phone, "phone");
	if (url)
		ct->url_loc = url->loc;
	if (phone)
		ct->phone_loc = phone->loc;
	ct->languages = f_strv(&c->f, yn_get(v, "languages"), "languages");
	sf_strv st = f_strv(&c->f, yn_get(v, "stages"), "stages");
	for (size_t i = 0; i < st.n; i++) {
		int s = sf_name_index(sf_stage_names, SF_NSTAGE, st.v[i]);
		if (s < 0)
			sf_emit(c->f.sink, SF_D_BAD_VALUE, st.loc[i],
				"'%s' is not a stage (one of: PEO, PDO, PAO, PRO)", st.v[i]);
		else
			ct->stages |= 1u << s;
	}
	load_contact_evidence(c, v, ct);
}

int corridor_load(lctx *c, const srcfile *f, const char *stem, sf_corridor *co)
{
	int failed;
	memset(co, 0, sizeof *co);
	co->path = f->path;
	co->loc = (sf_loc){ f->path, 1, 1 };
	ynode *root = yn_parse(c->f.a, c->f.sink, f->path, f->text, f->len, 1, &failed);
	if (!root) {
		if (!failed)
			sf_emit(c->f.sink, SF_D_EMPTY_FILE, co->loc, "corridor file holds no YAML");
		return -1;
	}
	if (!f_keys(&c->f, root, "a corridor", corridor_keys, SF_NELEM(corridor_keys), corridor_required, SF_NELEM(corridor_required), root->loc))
		return -1;
	co->loc = root->loc;
	const ynode *id = yn_get(root, "id");
	co->id = f_str(&c->f, id, "id");
	if (co->id) {
		co->id_loc = id->loc;
		f_kebab(&c->f, co->id, id->loc, "corridor id");
	} else {
		co->id = stem; /* keep going: the file name stands in */
	}
	const ynode *o = yn_get(root, "origin"), *d = yn_get(root, "destination");
	co->origin = f_str(&c->f, o, "origin");
	co->destination = f_str(&c->f, d, "destination");
	if (o)
		co->origin_loc = o->loc;
	if (d)
		co->destination_loc = d->loc;
	co->title = f_text(&c->f, yn_get(root, "title"), "title");
	co->languages = f_strv(&c->f, yn_get(root, "languages"), "languages");
	co->sectors = f_strv(&c->f, yn_get(root, "sectors"), "sectors");
	const ynode *aud = yn_get(root, "audiences");
	if (aud) {
		co->audiences = f_strv(&c->f, aud, "audiences");
	} else {
		static const char *general = "general";
		co->audiences = (sf_strv){ &general, &co->loc, 1 };
		co->audiences.v = sf_alloc(c->f.a, sizeof *co->audiences.v);
		co->audiences.v[0] = general;
		co->audiences.loc = sf_alloc(c->f.a, sizeof *co->audiences.loc);
		co->audiences.loc[0] = co->loc;
	}
	co->nfacts = f_facts(&c->f, yn_get(root, "facts"), &co->facts);
	const ynode *fk = yn_key(root, "facts");
	if (fk)
		co->facts_loc = fk->loc; /* where missing facts are reported */

	const ynode *cts = yn_get(root, "contacts");
	if (cts && !yn_is_null(cts)) {
		if (cts->kind != YN_SEQ) {
			sf_emit(c->f.sink, SF_D_WRONG_TYPE, cts->loc, "'contacts' must be a list");
		} else {
			co->contacts = sf_alloc_array(c->f.a, cts->n + 1, sizeof *co->contacts);
			for (size_t i = 0; i < cts->n; i++)
				load_contact(c, cts->items[i], &co->contacts[co->ncontacts++]);
		}
	}

	const ynode *req = yn_get(root, "require");
	if (req && !yn_is_null(req) &&
	    f_keys(&c->f, req, "require", sf_stage_names, SF_NSTAGE, NULL, 0, req->loc)) {
		for (int s = 0; s < SF_NSTAGE; s++) {
			co->require[s] = f_strv(&c->f, yn_get(req, sf_stage_names[s]), sf_stage_names[s]);
			for (size_t i = 0; i < co->require[s].n; i++)
				f_kebab(&c->f, co->require[s].v[i], co->require[s].loc[i], "topic id");
		}
	}
	return 0;
}
