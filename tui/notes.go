package tui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textarea"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"studyguide/content"
)

// saveNoteAction stores a chapter's note; close says whether the editor is
// done.
type saveNoteAction struct {
	chapter *content.Chapter
	text    string
	close   bool
}

// notesOverlay edits the notes on one chapter over the page.
type notesOverlay struct {
	c       *common
	chapter *content.Chapter
	ta      textarea.Model
	w, h    int
	// saved is the text ctrl+s last saved; saving says it did until the
	// text changes.
	saved  string
	saving bool
}

// maxNoteChars bounds one chapter's note: pages of text, not a novel.
const maxNoteChars = 20000

func newNotesOverlay(c *common, ch *content.Chapter) (*notesOverlay, tea.Cmd) {
	ta := textarea.New()
	ta.Placeholder = "Notes and questions for the group…"
	ta.ShowLineNumbers = false
	ta.CharLimit = maxNoteChars
	ta.MaxHeight = 0
	st := ta.Styles()
	st.Cursor.Blink = false
	ta.SetStyles(st)
	ta.SetValue(c.progress.Note(fmt.Sprint(ch.Number)))
	o := &notesOverlay{c: c, chapter: ch, ta: ta}
	o.layout(c.width, c.height)
	return o, o.ta.Focus()
}

func (o *notesOverlay) layout(w, h int) {
	o.w, o.h = boxSize(w, h, o.c.popupWidth())
	o.ta.SetWidth(contentWidth(o.w))
	o.ta.SetHeight(max(1, min(16, o.h-4)))
}

func (o *notesOverlay) update(msg tea.Msg) (tea.Cmd, action) {
	if kp, ok := msg.(tea.KeyPressMsg); ok {
		switch {
		case key.Matches(kp, o.c.keys.Notes.Done):
			return nil, saveNoteAction{chapter: o.chapter, text: o.text(), close: true}
		case key.Matches(kp, o.c.keys.Notes.Save):
			o.saved, o.saving = o.text(), true
			return nil, saveNoteAction{chapter: o.chapter, text: o.text()}
		}
	}
	var cmd tea.Cmd
	o.ta, cmd = o.ta.Update(msg)
	return cmd, nil
}

func (o *notesOverlay) text() string { return strings.TrimRight(o.ta.Value(), " \n") }

func (o *notesOverlay) view() string {
	st := o.c.styles
	title := st.PopupTitle.Render(fmt.Sprintf("Notes · %d %s", o.chapter.Number, o.chapter.Title))
	hint := "esc save & close"
	if o.saving && o.text() == o.saved {
		hint = o.savedText() + " · esc close"
	}
	return box(st, title, hint, strings.Split(o.ta.View(), "\n"), o.w, o.h)
}

// savedText says where ctrl+s put the note: in the progress file, or only
// in this session when nothing is saved (--no-save, or saving failed).
func (o *notesOverlay) savedText() string {
	switch s := o.c.store; {
	case s == nil || s.Path() == "":
		return "kept until you quit"
	case s.Off() != nil:
		return "not saving"
	}
	return "saved ✓"
}

// messageOverlay tells the reader something once (saved progress that could
// not be read, saving turned off, an export written).
type messageOverlay struct {
	c     *common
	title string
	text  string
	s     scroller
	w, h  int
}

func newMessageOverlay(c *common, title, text string) *messageOverlay {
	o := &messageOverlay{c: c, title: title, text: text}
	o.layout(c.width, c.height)
	return o
}

func (o *messageOverlay) layout(w, h int) {
	o.w, o.h = boxSize(w, h, o.c.popupWidth())
	o.s.lines = strings.Split(wrapText(o.text, contentWidth(o.w)), "\n")
	o.s.height = max(1, o.h-4)
}

func (o *messageOverlay) update(msg tea.Msg) (tea.Cmd, action) {
	kp, ok := msg.(tea.KeyPressMsg)
	if !ok {
		return nil, nil
	}
	if key.Matches(kp, o.c.keys.Popup.Close) || key.Matches(kp, o.c.keys.Popup.Follow) {
		return nil, closeAction{}
	}
	o.s.scroll(kp, o.c.keys.Reader)
	return nil, nil
}

func (o *messageOverlay) view() string {
	hint := "enter ok"
	widest := lipgloss.Width(hint)
	if p := o.s.position(); p != "" {
		hint = p + " · j/k · " + hint
		widest = lipgloss.Width(hint) - lipgloss.Width(p) + o.s.widestPosition()
	}
	return boxHint(o.c.styles, o.c.styles.PopupTitle.Render(o.title), hint, widest, o.s.visible(), o.w, o.h)
}
