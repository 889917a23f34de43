/* main.c — the rcrm desktop app
 *
 * Copyright 2026 R-CRM developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "rcrm-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(RcrmApplication) app = rcrm_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
