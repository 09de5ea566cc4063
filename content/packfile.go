package content

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"strings"
)

// readFile reads one file of a pack, refusing what could hurt: something
// that is not a regular file (a pipe would block forever), a file over
// limit bytes (checked before reading, then enforced while reading, so an
// oversized file is never read whole), more than MaxLines lines. CRLF line
// ends become LF. The problems it returns include every line with a
// character no pack text may contain. A nil result means the file must not
// be parsed; text problems alone do not stop parsing, since nothing is shown
// from a pack with problems.
func readFile(fsys fs.FS, name string, limit int64) ([]byte, Problems) {
	info, err := fs.Stat(fsys, name)
	if err != nil {
		return nil, Problems{{File: name, Msg: readError(err)}}
	}
	if !info.Mode().IsRegular() {
		return nil, Problems{{File: name, Msg: "is not a regular file"}}
	}
	if info.Size() > limit {
		return nil, Problems{tooBig(name, info.Size(), limit)}
	}
	f, err := fsys.Open(name)
	if err != nil {
		return nil, Problems{{File: name, Msg: readError(err)}}
	}
	defer f.Close()
	raw, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, Problems{{File: name, Msg: readError(err)}}
	}
	if int64(len(raw)) > limit {
		return nil, Problems{tooBig(name, -1, limit)}
	}
	switch {
	case bytes.HasPrefix(raw, []byte("\xef\xbb\xbf")):
		return nil, Problems{{File: name, Line: 1, Msg: "file starts with a byte-order mark (U+FEFF); save it as UTF-8 without BOM"}}
	case bytes.HasPrefix(raw, []byte("\xff\xfe")), bytes.HasPrefix(raw, []byte("\xfe\xff")):
		return nil, Problems{{File: name, Line: 1, Msg: "file is UTF-16 text; save it as UTF-8 (without BOM)"}}
	}
	if bytes.Contains(raw, []byte("\r\n")) {
		raw = bytes.ReplaceAll(raw, []byte("\r\n"), []byte("\n"))
	}
	if n := bytes.Count(raw, []byte("\n")) + 1; n > MaxLines {
		return nil, Problems{{File: name, Msg: fmt.Sprintf("has %d lines; a pack file may have at most %d", n, MaxLines)}}
	}
	return raw, scanLines(name, raw)
}

// readError says why a file could not be read, without the noise of the
// system call.
func readError(err error) string {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return "cannot read: there is no such file in the pack"
	case strings.Contains(err.Error(), "path escapes from parent"):
		return "cannot read: it leads outside the pack directory (a symbolic link out of the pack is not followed)"
	}
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return "cannot read: " + err.Error()
}

func tooBig(name string, size, limit int64) Problem {
	if size < 0 {
		return Problem{File: name, Msg: fmt.Sprintf("is larger than %s, the limit for this file", byteSize(limit))}
	}
	if byteSize(size) == byteSize(limit) {
		return Problem{File: name, Msg: fmt.Sprintf("is %d bytes; the limit for this file is %s (%d bytes)", size, byteSize(limit), limit)}
	}
	return Problem{File: name, Msg: fmt.Sprintf("is %s; the limit for this file is %s", byteSize(size), byteSize(limit))}
}

// byteSize writes a size the way people read it: "64 KiB", "1.5 MiB".
func byteSize(n int64) string {
	switch {
	case n >= 1<<20:
		return strings.TrimSuffix(fmt.Sprintf("%.1f", float64(n)/(1<<20)), ".0") + " MiB"
	case n >= 1<<10:
		return strings.TrimSuffix(fmt.Sprintf("%.1f", float64(n)/(1<<10)), ".0") + " KiB"
	}
	return fmt.Sprintf("%d bytes", n)
}

// scanLines reports every line that is too long or has a character no pack
// text may contain, up to maxTextProblems of them and a count of the rest.
func scanLines(name string, raw []byte) Problems {
	var probs Problems
	more := 0
	for i, line := range strings.Split(string(raw), "\n") {
		msg := lineProblem(line)
		if len(line) > MaxLineBytes {
			long := fmt.Sprintf("line is %s long; keep lines under %s", byteSize(int64(len(line))), byteSize(MaxLineBytes))
			msg = strings.TrimPrefix(msg+"; "+long, "; ")
		}
		if msg == "" {
			continue
		}
		if len(probs) == maxTextProblems {
			more++
			continue
		}
		probs = append(probs, Problem{File: name, Line: i + 1, Msg: msg})
	}
	if more > 0 {
		probs = append(probs, Problem{File: name, Msg: fmt.Sprintf("and %d more lines like these", more)})
	}
	return probs
}

// refKeys are the keys of pack.yaml that name files, in the order they are
// read.
var refKeys = []string{"source", "article", "glossary", "quiz", "scenarios", "guide"}

// refProblem says why a file name in pack.yaml is refused, or "". Every file
// a pack names is a plain relative path inside the pack directory.
func refProblem(key, name string) string {
	switch {
	case strings.Contains(name, `\`):
		return fmt.Sprintf(`%s %q contains a backslash: separate folders with "/"`, key, name)
	case path.IsAbs(name) || len(name) >= 2 && name[1] == ':':
		return fmt.Sprintf("%s %q is an absolute path: name a file inside the pack, relative to pack.yaml", key, name)
	case name == ".." || strings.HasPrefix(name, "../") || strings.Contains(name, "/../") || strings.HasSuffix(name, "/.."):
		return fmt.Sprintf(`%s %q climbs out of the pack with "..": name a file inside the pack`, key, name)
	case !fs.ValidPath(name) || name == "." || strings.TrimSpace(name) != name:
		return fmt.Sprintf(`%s %q is not a plain relative path such as "article.md" or "text/article.md"`, key, name)
	case name == MetaFile:
		return fmt.Sprintf("%s %q is the pack's own metadata file", key, name)
	}
	return ""
}
