/**
 * Choosing an XLSX or CSV file with the page's own button: the browser's file button speaks
 * the browser's language; ours speaks the page's. The input is cleared after each choice,
 * so that choosing the same file again (after fixing it) reads it again. The hint the
 * input is described by has the id `${id}-file-hint`; the caller places it.
 */
export function SpreadsheetPicker({
  id,
  label,
  fileName,
  noFile,
  busy,
  onFile,
  buttonClass,
}: {
  id: string;
  label: string;
  fileName: string | null;
  /** What stands beside the button before a file is chosen. */
  noFile: string;
  busy: boolean;
  onFile: (file: File | undefined) => void;
  buttonClass: 'button' | 'button-primary';
}) {
  return (
    <div className="file-picker">
      <input
        id={`${id}-file`}
        className="visually-hidden"
        type="file"
        accept=".xlsx,.csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,text/csv"
        disabled={busy}
        aria-describedby={`${id}-file-hint`}
        onChange={(e) => {
          onFile(e.target.files?.[0]);
          e.target.value = '';
        }}
      />
      <label htmlFor={`${id}-file`} className={`${buttonClass} file-button`}>
        {label}
      </label>
      <span className="muted">{fileName ?? noFile}</span>
    </div>
  );
}
