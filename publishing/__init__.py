"""Publishing: build the production site, make it fit for static hosts, gate it, swap it in.

`pipeline.publish_site` is the whole of `invoke publish`; `deploy` pushes the result.
Every step is a plain function over a directory of built files, so each one works with
any theme and is tested without Pelican.
"""
