/* gk-bench-report-floor.c: the floor for the report bench: the dumped cells written again with libxlsxwriter in constant-memory mode, nothing else. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

int
main (int    argc,
      char **argv)
{
  lxw_workbook_options options = { .constant_memory = LXW_TRUE };
  lxw_workbook *book;
  lxw_worksheet *sheet = NULL;
  lxw_format *cell, *date;
  FILE *in;
  char *line = NULL;
  size_t size = 0;
  lxw_row_t row = 0;

  if (argc != 3)
    {
      fprintf (stderr, "usage: gk-bench-report-floor CELLS.tsv OUT.xlsx\n");
      return 2;
    }
  in = fopen (argv[1], "r");
  if (in == NULL)
    return 1;
  book = workbook_new_opt (argv[2], &options);
  cell = workbook_add_format (book);
  format_set_font_name (cell, "宋体");
  format_set_font_size (cell, 10);
  format_set_border (cell, LXW_BORDER_THIN);
  date = workbook_add_format (book);
  format_set_font_name (date, "宋体");
  format_set_font_size (date, 10);
  format_set_border (date, LXW_BORDER_THIN);
  format_set_num_format (date, "yyyy-mm-dd");

  while (getline (&line, &size, in) > 0)
    {
      char *rest = line, *field;
      lxw_col_t col = 0;

      line[strcspn (line, "\n")] = '\0';
      if (line[0] == '#' && line[1] == '\t')
        {
          sheet = workbook_add_worksheet (book, line + 2);
          row = 0;
          continue;
        }
      while ((field = strsep (&rest, "\t")) != NULL)
        {
          if (field[0] == 'n')
            worksheet_write_number (sheet, row, col, strtod (field + 1, NULL), cell);
          else if (field[0] == 'd')
            {
              lxw_datetime dt = { 0 };

              sscanf (field + 1, "%d-%d-%d", &dt.year, &dt.month, &dt.day);
              worksheet_write_datetime (sheet, row, col, &dt, date);
            }
          else if (field[0] == 's')
            worksheet_write_string (sheet, row, col, field + 1, cell);
          col++;
        }
      row++;
    }
  free (line);
  fclose (in);
  return workbook_close (book) == LXW_NO_ERROR ? 0 : 1;
}
