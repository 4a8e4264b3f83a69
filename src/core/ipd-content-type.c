/* ipd-content-type.c — a document's type, read from its bytes
 *
 * GIO's guess (shared-mime-info's magic) knows most types, but calls every
 * Office Open XML file a plain ZIP archive unless it is given the name:
 * the entries of the archive's central directory tell them apart.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ipd-content-type"

#include "config.h"

#include <gio/gio.h>
#include <string.h>

#include "ipd-content-type.h"

#define ZIP_END_SIGNATURE     0x06054b50u
#define ZIP_CENTRAL_SIGNATURE 0x02014b50u
#define ZIP_END_SIZE          22
#define ZIP_CENTRAL_SIZE      46

static const struct {
  const char *prefix;
  const char *mime_type;
} ooxml[] = {
  { "word/", "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
  { "xl/",   "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
  { "ppt/",  "application/vnd.openxmlformats-officedocument.presentationml.presentation" },
};

static guint32
read16 (const guint8 *p)
{
  return (guint32) p[0] | (guint32) p[1] << 8;
}

static guint32
read32 (const guint8 *p)
{
  return read16 (p) | read16 (p + 2) << 16;
}

/* The end-of-central-directory record: within the last 64 KiB (its
 * comment is at most 65535 bytes), searched backwards. */
static const guint8 *
find_zip_end (const guint8 *data, gsize size)
{
  gsize lowest;

  if (size < ZIP_END_SIZE)
    return NULL;
  lowest = size > 65535 + ZIP_END_SIZE ? size - 65535 - ZIP_END_SIZE : 0;
  for (gsize at = size - ZIP_END_SIZE + 1; at-- > lowest;)
    if (read32 (data + at) == ZIP_END_SIGNATURE)
      return data + at;
  return NULL;
}

/* The Office type named by an entry of the archive, or NULL. */
static const char *
office_type_of_entry (const guint8 *name, gsize length)
{
  for (guint i = 0; i < G_N_ELEMENTS (ooxml); i++)
    {
      gsize n = strlen (ooxml[i].prefix);
      if (length > n && memcmp (name, ooxml[i].prefix, n) == 0)
        return ooxml[i].mime_type;
    }
  return NULL;
}

static const char *
office_type_of_zip (const guint8 *data, gsize size)
{
  const guint8 *end = find_zip_end (data, size);
  gsize at, stop, entries;

  if (end == NULL)
    return NULL;
  entries = read16 (end + 10);
  at = read32 (end + 16);
  stop = (gsize) (end - data);
  for (gsize i = 0; i < entries && at <= stop && stop - at >= ZIP_CENTRAL_SIZE; i++)
    {
      const guint8 *entry = data + at;
      gsize name_length, record;
      const char *type;

      if (read32 (entry) != ZIP_CENTRAL_SIGNATURE)
        return NULL;
      name_length = read16 (entry + 28);
      record = ZIP_CENTRAL_SIZE + name_length + read16 (entry + 30) + read16 (entry + 32);
      if (stop - at < ZIP_CENTRAL_SIZE + name_length)
        return NULL;
      type = office_type_of_entry (entry + ZIP_CENTRAL_SIZE, name_length);
      if (type != NULL)
        return type;
      at += record;
    }
  return NULL;
}

char *
ipd_content_type_detect (GBytes *bytes)
{
  gsize size = 0;
  const guint8 *data;
  g_autofree char *type = NULL;
  char *mime_type;

  g_return_val_if_fail (bytes != NULL, NULL);
  data = g_bytes_get_data (bytes, &size);
  type = g_content_type_guess (NULL, data, size, NULL);
  mime_type = g_content_type_get_mime_type (type);
  if (mime_type == NULL)
    mime_type = g_strdup ("application/octet-stream");
  if (size >= 4 && read32 (data) == 0x04034b50u)   /* "PK\3\4": a ZIP archive */
    {
      const char *office = office_type_of_zip (data, size);
      if (office != NULL)
        {
          g_free (mime_type);
          mime_type = g_strdup (office);
        }
    }
  return mime_type;
}
