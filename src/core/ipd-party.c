/* ipd-party.c
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ipd-party"

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "ipd-party.h"
#include "ipd-text.h"
#include "ipd-vocabulary.h"

G_DEFINE_BOXED_TYPE (IpdParty, ipd_party, ipd_party_ref, ipd_party_unref)

IpdParty *
ipd_party_new (const char *name, const char *type)
{
  IpdParty *party = g_atomic_rc_box_new0 (IpdParty);

  party->name = g_strdup (name);
  party->type = g_strdup (type);
  return party;
}

IpdParty *
ipd_party_ref (IpdParty *party)
{
  g_return_val_if_fail (party != NULL, NULL);
  return g_atomic_rc_box_acquire (party);
}

static void
party_clear (gpointer data)
{
  IpdParty *p = data;

  g_free (p->name);
  g_free (p->type);
  g_free (p->address);
  g_free (p->commune);
  g_free (p->province);
  g_free (p->tax_code);
  g_free (p->phone);
  g_free (p->email);
}

void
ipd_party_unref (IpdParty *party)
{
  g_return_if_fail (party != NULL);
  g_atomic_rc_box_release_full (party, party_clear);
}

/* A deep copy, to edit without touching what others hold. */
IpdParty *
ipd_party_copy (const IpdParty *party)
{
  IpdParty *copy;

  g_return_val_if_fail (party != NULL, NULL);
  copy = ipd_party_new (party->name, party->type);
  copy->id = party->id;
  copy->address = g_strdup (party->address);
  copy->commune = g_strdup (party->commune);
  copy->province = g_strdup (party->province);
  copy->tax_code = g_strdup (party->tax_code);
  copy->phone = g_strdup (party->phone);
  copy->email = g_strdup (party->email);
  return copy;
}

/* Takes the details of @details (all but the id) into @party, which
 * others may hold: a party shared by several roles stays one party. */
void
ipd_party_set_details (IpdParty *party, const IpdParty *details)
{
  char **to[] = { &party->name, &party->type, &party->address, &party->commune, &party->province,
                  &party->tax_code, &party->phone, &party->email };
  char *const from[] = { details->name, details->type, details->address, details->commune,
                         details->province, details->tax_code, details->phone, details->email };

  g_return_if_fail (party != NULL && details != NULL);
  if (party == details)
    return;
  for (guint i = 0; i < G_N_ELEMENTS (to); i++)
    {
      g_free (*to[i]);
      *to[i] = g_strdup (from[i]);
    }
}

/* Blank and missing text are the same: a form gives "" where the register has NULL. */
static gboolean
same_text (const char *a, const char *b)
{
  g_autofree char *x = g_strstrip (g_strdup (a ? a : ""));
  g_autofree char *y = g_strstrip (g_strdup (b ? b : ""));

  return g_str_equal (x, y);
}

/* Whether @a and @b hold the same details (the id is not compared). */
gboolean
ipd_party_equal (const IpdParty *a, const IpdParty *b)
{
  g_return_val_if_fail (a != NULL && b != NULL, FALSE);
  return same_text (a->name, b->name) && same_text (a->type, b->type)
      && same_text (a->address, b->address) && same_text (a->commune, b->commune)
      && same_text (a->province, b->province) && same_text (a->tax_code, b->tax_code)
      && same_text (a->phone, b->phone) && same_text (a->email, b->email);
}

/**
 * ipd_party_check:
 *
 * Returns: (nullable): what keeps @party from being saved, as "Field:
 *   problem" (translated), or %NULL when nothing does. @party is not changed.
 */
char *
ipd_party_check (const IpdParty *p)
{
  g_return_val_if_fail (p != NULL, NULL);
  if (ipd_text_is_blank (p->name))
    /* Translators: a field's name, then what is wrong with it */
    return g_strdup_printf (_("%s: %s"), _("Name"), _("a party needs a name"));
  if (p->type == NULL || ipd_vocabulary_find (IPD_VOCAB_PARTY_TYPE, p->type) == NULL)
    {
      g_autofree char *types = ipd_vocabulary_codes (IPD_VOCAB_PARTY_TYPE);
      /* Translators: %s lists the allowed types */
      g_autofree char *message = g_strdup_printf (_("choose one of %s"), types);
      return g_strdup_printf (_("%s: %s"), _("Party type"), message);
    }
  if (!ipd_text_is_blank (p->email) && strchr (p->email, '@') == NULL)
    return g_strdup_printf (_("%s: %s"), _("E-mail"), _("an e-mail address contains “@”"));
  return NULL;
}

/* The folded words of @text, one space between them. */
static char *
folded_words (const char *text)
{
  g_autofree char *folded = ipd_text_fold (text);
  GString *words = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *c = folded; *c; c++)
    {
      if (g_ascii_isspace (*c))
        space = words->len > 0;
      else
        {
          if (space)
            g_string_append_c (words, ' ');
          g_string_append_c (words, *c);
          space = FALSE;
        }
    }
  return g_string_free (words, FALSE);
}

/* Same name, accents, case and spacing aside: "HTX Huấn Loan" is "htx  huan loan". */
gboolean
ipd_party_same_name (const IpdParty *party, const char *name)
{
  g_autofree char *a = NULL, *b = NULL;

  g_return_val_if_fail (party != NULL, FALSE);
  if (ipd_text_is_blank (party->name) || ipd_text_is_blank (name))
    return FALSE;
  a = folded_words (party->name);
  b = folded_words (name);
  return g_str_equal (a, b);
}

/* The same tax code or ID number, spaces, dots and dashes aside; two blanks are not the same. */
gboolean
ipd_party_same_tax_code (const IpdParty *party, const char *tax_code)
{
  GString *a, *b;
  gboolean same;

  g_return_val_if_fail (party != NULL, FALSE);
  if (ipd_text_is_blank (party->tax_code) || ipd_text_is_blank (tax_code))
    return FALSE;
  a = g_string_new (NULL);
  b = g_string_new (NULL);
  for (const char *c = party->tax_code; *c; c++)
    if (!strchr (" .-", *c))
      g_string_append_c (a, g_ascii_toupper (*c));
  for (const char *c = tax_code; *c; c++)
    if (!strchr (" .-", *c))
      g_string_append_c (b, g_ascii_toupper (*c));
  same = a->len > 0 && g_str_equal (a->str, b->str);
  g_string_free (a, TRUE);
  g_string_free (b, TRUE);
  return same;
}
