"""check() and %dlbasis: run ./dlbasis conform on the course functions of the running kernel."""


def check(*args, **kwargs):
    raise NotImplementedError


def load_ipython_extension(ipython):
    pass
