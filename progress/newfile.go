package progress

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// WriteNew writes data to a file that did not exist: it never replaces a
// file and never writes through a symbolic link (the file is created
// exclusively, which fails on any existing name, a link included). With
// numbered, a taken name becomes "name-2.md", "name-3.md" and so on; without,
// a taken name is an error that says so. It returns the path written.
func WriteNew(path string, data []byte, numbered bool) (string, error) {
	ext := filepath.Ext(path)
	stem := strings.TrimSuffix(path, ext)
	for i := 1; i <= 999; i++ {
		name := path
		if i > 1 {
			name = fmt.Sprintf("%s-%d%s", stem, i, ext)
		}
		f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
		if errors.Is(err, fs.ErrExist) {
			if !numbered {
				return "", fmt.Errorf("%s already exists; choose another name (nothing was replaced)", path)
			}
			continue
		}
		if err != nil {
			return "", err
		}
		if _, err := f.Write(data); err != nil {
			f.Close()
			os.Remove(name)
			return "", err
		}
		if err := f.Close(); err != nil {
			os.Remove(name)
			return "", err
		}
		return name, nil
	}
	return "", fmt.Errorf("%s and 998 numbered names after it already exist", path)
}

// ExportContents says what an export of this state holds, for the message
// that names the file: "notes on 2 chapters and the quiz history (3
// sessions)", "the quiz history only (1 session)", "notes on 1 chapter", or
// "nothing yet (no notes, no quiz sessions)".
func ExportContents(s *State) string {
	notes := 0
	for _, n := range s.Notes {
		if strings.TrimSpace(n.Text) != "" {
			notes++
		}
	}
	sessions := len(s.Quiz.History)
	chapters := fmt.Sprintf("notes on %d %s", notes, plural(notes, "chapter", "chapters"))
	quiz := fmt.Sprintf("the quiz history (%d %s)", sessions, plural(sessions, "session", "sessions"))
	switch {
	case notes > 0 && sessions > 0:
		return chapters + " and " + quiz
	case notes > 0:
		return chapters
	case sessions > 0:
		return strings.Replace(quiz, "history", "history only", 1)
	}
	return "nothing yet (no notes, no quiz sessions)"
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
