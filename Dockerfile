# policysite as an image: a builder stage compiles the self-contained binary (scripts/install),
# and a slim runtime stage holds only that binary.
#
#   docker build -t policysite .
#   docker run --rm -v "$PWD:/site" -u "$(id -u):$(id -g)" policysite build --strict
ARG SWIFT_IMAGE=swift:6.1-bookworm
FROM ${SWIFT_IMAGE} AS builder
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends libcmark-dev pkg-config binutils \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY Package.swift ./
COPY Plugins Plugins
COPY Sources Sources
COPY Templates Templates
COPY scripts scripts
COPY Tests Tests
RUN bash scripts/install --prefix /opt/policysite

FROM debian:bookworm-slim
# The binary needs only the C and C++ runtime, which the slim image has.
COPY --from=builder /opt/policysite/bin/policysite /usr/local/bin/policysite
WORKDIR /site
ENTRYPOINT ["policysite"]
CMD ["build", "--strict"]
