# The matcher addon: `npm run build:native` (node-gyp rebuild --nodedir=/usr --directory=native)
# produces build/Release/fixgate_matcher.node. node-addon-api runs with C++ exceptions disabled
# (NODE_ADDON_API_DISABLE_CPP_EXCEPTIONS with -fno-exceptions): the core never throws, and bad
# arguments become JS TypeErrors. Its headers are included directly rather than through its gyp
# target, which would make gyp write makefiles into node_modules. No -march=native: the binary
# must run on other x86-64 machines (CI).
{
  "targets": [
    {
      "target_name": "fixgate_matcher",
      "sources": [
        "src/engine.cpp",
        "src/matching.cpp",
        "src/book_walk.cpp",
        "src/core_bench.cpp",
        "src/binding.cpp"
      ],
      "include_dirs": ["<!(node -p \"require('node-addon-api').include_dir\")"],
      "defines": ["NAPI_VERSION=8", "NODE_ADDON_API_DISABLE_CPP_EXCEPTIONS"],
      "cflags!": ["-O2", "-O0", "-fexceptions"],
      "cflags_cc!": ["-O2", "-O0", "-fexceptions", "-std=gnu++17"],
      "cflags": ["-O3"],
      "cflags_cc": ["-O3", "-std=c++17", "-fno-exceptions", "-fno-rtti"]
    }
  ]
}
