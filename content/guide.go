package content

import "io/fs"

// Guide is a pack's discussion guide. (Being written: see loadGuide.)
type Guide struct{}

func loadGuide(fsys fs.FS, file string, p *Pack) (*Guide, Problems) {
	return nil, nil
}
