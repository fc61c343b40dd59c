// gd-widgets as a Hugo Module (a theme component). Hugo reads the module's settings
// from hugo.toml beside this file. A site imports it as
//   [[module.imports]] path = "github.com/gd-widgets/gd-widgets"
// and, to use a local clone, replaces the path with the clone's folder, either in the
// site's go.mod (replace github.com/gd-widgets/gd-widgets => ../gd-widgets), which Go
// accepts only when the folder has this go.mod, or in the site's hugo.toml
// ([module] replacements = "github.com/gd-widgets/gd-widgets -> ../gd-widgets").
module github.com/gd-widgets/gd-widgets

go 1.20
