/* ipd-content-type.h — a document's type, read from its bytes
 * SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The MIME type of @bytes, from their content only: a file's name may
 * lie. Office documents (ZIP archives) are told apart by their entries:
 * word/ is a .docx, xl/ a .xlsx, ppt/ a .pptx. Never NULL. */
char *ipd_content_type_detect (GBytes *bytes);

G_END_DECLS
