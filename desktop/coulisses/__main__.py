from coulisses.cli import main

raise SystemExit(main())
