"""`excel-eval gui`: the desktop page. A finance officer drops workbooks (or a folder) in the
browser and reads scores, findings and charts, and downloads the outputs; the tool serves the page
on this machine only (127.0.0.1), behind a token in the address. Imported only by that command.
"""
