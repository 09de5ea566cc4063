package progress

import (
	"fmt"
	"io"
	"strings"
	"time"

	"studyguide/content"
)

// Export writes a reader's notes as a markdown document to share with a
// reading group: per chapter, the notes, in chapter order.
func Export(w io.Writer, st *State, pack *content.Pack, profile string, now time.Time) error {
	var b strings.Builder
	fmt.Fprintf(&b, "# Notes on “%s”\n\n", pack.Meta.Title)
	who := ""
	if profile != "" && profile != "default" {
		who = " for " + profile
	}
	fmt.Fprintf(&b, "Exported from studyguide%s on %s.\n\n", who, now.Format("2 January 2006"))
	wrote := 0
	for _, ch := range pack.Chapters {
		text := strings.TrimSpace(st.Note(fmt.Sprint(ch.Number)))
		read := 0
		for _, s := range ch.Sections {
			if st.IsRead(s.ID) {
				read++
			}
		}
		if text == "" {
			continue
		}
		wrote++
		fmt.Fprintf(&b, "## %d. %s\n\n", ch.Number, ch.Title)
		fmt.Fprintf(&b, "*%d of %d sections read.*\n\n", read, len(ch.Sections))
		b.WriteString(text + "\n\n")
	}
	if wrote == 0 {
		b.WriteString("No notes yet. In the reader, press `e` to write notes on a chapter.\n\n")
	}
	_, err := io.WriteString(w, strings.TrimRight(b.String(), "\n")+"\n")
	return err
}
