package tui

import (
	"bytes"
	"fmt"
	"path/filepath"
	"time"

	tea "charm.land/bubbletea/v2"

	"studyguide/progress"
)

// exportedMsg reports where an export went and what it holds.
type exportedMsg struct {
	path string
	what string
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
func exportCmd(c *common) tea.Cmd {
	snapshot, pack, profile, dir := c.progress.Clone(), c.pack, c.profile, c.exportDir
	return func() tea.Msg {
		now := time.Now()
		var b bytes.Buffer
		if err := progress.Export(&b, snapshot, pack, profile, now); err != nil {
			return exportedMsg{err: err}
		}
		// a new file every time: an earlier export may have been edited
		// since, and a pack directory could plant a link with this name
		name, err := progress.WriteNew(filepath.Join(dir, ExportName(pack.Meta.ID, profile, now)), b.Bytes(), true)
		if err != nil {
			return exportedMsg{err: err}
		}
		abs, _ := filepath.Abs(name)
		return exportedMsg{path: abs, what: progress.ExportContents(snapshot)}
	}
}
