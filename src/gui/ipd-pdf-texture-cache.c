/* ipd-pdf-texture-cache.c — rendered pages, bounded in bytes
 *
 * A hash table for the look-ups and a queue for the order of use (most
 * recent at the head). Pages on screen hold their own reference to their
 * texture, so what this cache bounds is what is kept off screen.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ipd-pdf-cache"

#include "config.h"

#include "ipd-pdf-texture-cache.h"

typedef struct {
  char       *key;
  GdkTexture *texture;
  gsize       size;
  GList      *link;     /* in the queue */
} Entry;

struct _IpdPdfTextureCache {
  GHashTable *entries;  /* key → Entry */
  GQueue      order;    /* of Entry, most recent first */
  gsize       size;
  gsize       budget;
};

static void
entry_free (Entry *entry)
{
  g_free (entry->key);
  g_object_unref (entry->texture);
  g_free (entry);
}

static char *
make_key (int page, double zoom, int rotation, gboolean thumbnail)
{
  return g_strdup_printf ("%d:%.4f:%d:%d", page, zoom, rotation, thumbnail);
}

IpdPdfTextureCache *
ipd_pdf_texture_cache_new (gsize budget)
{
  IpdPdfTextureCache *self = g_new0 (IpdPdfTextureCache, 1);

  self->entries = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) entry_free);
  g_queue_init (&self->order);
  self->budget = budget;
  return self;
}

void
ipd_pdf_texture_cache_clear (IpdPdfTextureCache *self)
{
  g_queue_clear (&self->order);
  g_hash_table_remove_all (self->entries);
  self->size = 0;
}

void
ipd_pdf_texture_cache_free (IpdPdfTextureCache *self)
{
  ipd_pdf_texture_cache_clear (self);
  g_hash_table_unref (self->entries);
  g_free (self);
}

GdkTexture *
ipd_pdf_texture_cache_lookup (IpdPdfTextureCache *self, int page, double zoom, int rotation, gboolean thumbnail)
{
  g_autofree char *key = make_key (page, zoom, rotation, thumbnail);
  Entry *entry = g_hash_table_lookup (self->entries, key);

  if (entry == NULL)
    return NULL;
  g_queue_unlink (&self->order, entry->link);
  g_queue_push_head_link (&self->order, entry->link);
  return g_object_ref (entry->texture);
}

static void
remove_entry (IpdPdfTextureCache *self, Entry *entry)
{
  g_queue_delete_link (&self->order, entry->link);
  self->size -= entry->size;
  g_hash_table_remove (self->entries, entry->key);
}

void
ipd_pdf_texture_cache_insert (IpdPdfTextureCache *self, int page, double zoom, int rotation, gboolean thumbnail,
                              GdkTexture *texture, gsize size)
{
  Entry *entry = g_new0 (Entry, 1), *old;

  entry->key = make_key (page, zoom, rotation, thumbnail);
  entry->texture = g_object_ref (texture);
  entry->size = size;
  old = g_hash_table_lookup (self->entries, entry->key);
  if (old != NULL)
    remove_entry (self, old);
  g_queue_push_head (&self->order, entry);
  entry->link = self->order.head;
  g_hash_table_insert (self->entries, entry->key, entry);
  self->size += size;
  /* the least recently used go; the newest always stays */
  while (self->size > self->budget && self->order.length > 1)
    remove_entry (self, g_queue_peek_tail (&self->order));
}

gsize
ipd_pdf_texture_cache_get_size (IpdPdfTextureCache *self)
{
  return self->size;
}

guint
ipd_pdf_texture_cache_get_n (IpdPdfTextureCache *self)
{
  return g_hash_table_size (self->entries);
}
