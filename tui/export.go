package tui

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"time"

	tea "charm.land/bubbletea/v2"

	"studyguide/progress"
)

// exportedMsg reports where an export went.
type exportedMsg struct {
	path string
	err  error
}

// ExportName is the file an export from the chapter list is written to, in
// the current directory.
func ExportName(packID, profile string, now time.Time) string {
	if profile == "" || profile == "default" {
		return fmt.Sprintf("studyguide-notes-%s-%s.md", packID, now.Format("2006-01-02"))
	}
	return fmt.Sprintf("studyguide-notes-%s-%s-%s.md", packID, profile, now.Format("2006-01-02"))
}

// exportCmd writes the notes to a markdown file in the background.
func (m Model) exportCmd() tea.Cmd {
	snapshot, pack, profile, dir := m.c.progress.Clone(), m.c.pack, m.c.profile, m.c.exportDir
	return func() tea.Msg {
		now := time.Now()
		var b bytes.Buffer
		if err := progress.Export(&b, snapshot, pack, profile, now); err != nil {
			return exportedMsg{err: err}
		}
		name := filepath.Join(dir, ExportName(pack.Meta.ID, profile, now))
		if err := os.WriteFile(name, b.Bytes(), 0o644); err != nil {
			return exportedMsg{err: err}
		}
		abs, _ := filepath.Abs(name)
		return exportedMsg{path: abs}
	}
}
